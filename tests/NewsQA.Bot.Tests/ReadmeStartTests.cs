using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// The README's "Run it", `dotnet run --project src/NewsQA.Bot` typed at the repository root, in a copy of the root's
/// layout (so the test writes into no real folder): the seeds/ folder there is the one indexed and watched, and the
/// index is kept under .newsqa/ there, not in the program's build output.
/// </summary>
public sealed class ReadmeStartTests : IDisposable
{
    private const string ArticleId = "2024-06-03-basra-desalination";
    private const string Question = "How much water does the Basra desalination plant produce each day?";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsqa-readme-start", Guid.NewGuid().ToString("N"));

    public ReadmeStartTests()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName;
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(BotProcess.RepositoryRoot, "seeds"))) File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));
    }

    [Fact]
    public async Task StartedAsTheReadmeSays_AnArticleSavedIntoSeedsThere_IsCited()
    {
        await using var bot = await BotProcess.RunInAsync(_root);
        using var client = new HttpClient { BaseAddress = bot.Address };
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal(Directory.GetFiles(Path.Combine(_root, "seeds")).Length, health.GetProperty("documents").GetInt32());
        Assert.True(Directory.Exists(Path.Combine(_root, ".newsqa", "index")), "Index:Path is taken from the working directory");

        await File.WriteAllTextAsync(Path.Combine(_root, "seeds", ArticleId + ".md"), DatedArticles.Article(
            "Basra desalination plant opens", "2024-06-03T09:00:00+03:00", "Gulf Wire", "https://gulf.example/2024/basra-water", "en",
            "The Basra desalination plant opened on Monday and produces 200,000 cubic metres of drinking water each day, the water ministry said."));

        JsonElement? cited = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            using var response = await client.PostAsJsonAsync("/api/ask", new { question = Question });
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            cited = answer.GetProperty("citations").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(c => c!.Value.GetProperty("documentId").GetString() == ArticleId);
            return cited is not null;
        }, pauseMilliseconds: 200), $"\"{Question}\" was never answered from {ArticleId} saved into seeds/");
        Assert.Contains("200,000 cubic metres", cited!.Value.GetProperty("text").GetString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

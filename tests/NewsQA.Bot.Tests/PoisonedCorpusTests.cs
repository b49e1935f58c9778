using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsQA.Bot.Watching;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Issue 25, findings 2 and 8 in the running service: files in the watched folder that stopped it or held it back.
/// One poisoned file failed its whole batch every 30 s (the good articles in it never answerable) and made the admin
/// API's next POST a 500; a writer that paused longer than the settle time had its half-written file indexed. The
/// nesting here stays far below what overflows the stack, so a regression fails the test rather than the test run;
/// the process tests go deeper.
/// </summary>
public sealed class PoisonedCorpusTests : IDisposable
{
    private const string Key = "test-admin-key-0123456789abcdef";
    private const int GoodArticles = 50;

    private readonly LiveCorpus _corpus = new();
    private readonly BotFactory _factory = new();

    public PoisonedCorpusTests()
    {
        _factory.Settings["Corpus:Path"] = _corpus.Path;
        _factory.Settings["Watcher:SettleTime"] = "00:00:00.200";
        _factory.Settings["Admin:ApiKey"] = Key;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _corpus.Dispose();
    }

    private CorpusWatcher Watcher => _factory.Services.GetRequiredService<CorpusWatcher>();

    private static async Task<int> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("documents").GetInt32();

    private static async Task<int> PassagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("passages").GetInt32();

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpClient> ReadyClientAsync()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Assert.True(await Eventually.HoldsAsync(async () => (await client.GetAsync("/healthz")).IsSuccessStatusCode), "the index did not load");
        return client;
    }

    // Written under another name and renamed in, as copy tools do, so that all of them arrive together in one batch.
    private void Drop(string name, string text)
    {
        var path = Path.Combine(_corpus.Path, name);
        File.WriteAllText(path + ".part", text);
        File.Move(path + ".part", path);
    }

    private static Dictionary<string, string> Poisons() => new()
    {
        ["poison-date.md"] = HostileInputs.OutOfRangeFrontMatter("Poisoned date", "A ferry resumed service across the Shatt al-Arab on Sunday after a month of repairs, the port said."),
        ["poison-deep-front-matter.md"] = HostileInputs.DeepFrontMatter(1000),
        ["poison-scripts.html"] = HostileInputs.UnclosedScripts(40_000, "A new water plant in Samawah began pumping on Tuesday, the municipality said."),
        ["poison-deep.html"] = HostileInputs.DeepPage(1000),
    };

    [Fact]
    public async Task PoisonedFilesInABatch_AreSetAsideOrReadAround_AndTheFiftyGoodArticlesInIt_AreAnswerable()
    {
        var client = await ReadyClientAsync();
        foreach (var (name, text) in Poisons()) Drop(name, text);
        for (var i = 0; i < GoodArticles; i++)
        {
            var (name, text, _, _) = HostileInputs.GoodArticle(i);
            Drop(name, text);
        }

        // The seeds, the fifty, and three poisons whose text is readable: the date and the deep front matter are left
        // out, the scripts are dropped. Only the page nested too deep has nothing to index.
        Assert.True(await Eventually.HoldsAsync(async () => await DocumentsAsync(client) == 5 + GoodArticles + 3), "the batch was not applied");
        foreach (var i in new[] { 0, 17, 33, GoodArticles - 1 })
        {
            var (name, _, question, fact) = HostileInputs.GoodArticle(i);
            var citation = (await AskAsync(client, question)).GetProperty("citations")[0];
            Assert.Equal(Path.GetFileNameWithoutExtension(name), citation.GetProperty("documentId").GetString());
            Assert.Equal(fact, citation.GetProperty("text").GetString());
        }

        var ferry = (await AskAsync(client, "When did the ferry across the Shatt al-Arab resume service?")).GetProperty("citations")[0];
        Assert.Equal("poison-date", ferry.GetProperty("documentId").GetString());
        Assert.False(ferry.TryGetProperty("published", out _));
        var warnings = _factory.Logs.Entries.Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("poison-date.md", StringComparison.Ordinal) && m.Contains(HostileInputs.ShortOutOfRange, StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("poison-deep-front-matter.md", StringComparison.Ordinal) && m.Contains("nested deeper", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("poison-deep.html", StringComparison.Ordinal) && m.Contains("nested more than", StringComparison.Ordinal));
        Assert.Equal(0, Watcher.Pending);
    }

    [Fact]
    public async Task AnAdminPostOfAnArticleThatCannotBeRead_Is400_WithTheReason()
    {
        var client = await ReadyClientAsync();

        var deep = await client.PostAsJsonAsync("/api/articles", new { title = "Deep", html = HostileInputs.DeepPage(1000) });
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("nested more than 256 deep", (await deep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var dated = await client.PostAsJsonAsync("/api/articles", new { title = "Dated", text = "A paragraph long enough to be an article on its own, said the test.", published = HostileInputs.ShortOutOfRange });
        Assert.Equal(HttpStatusCode.BadRequest, dated.StatusCode);
        Assert.StartsWith("\"published\" is not a date", (await dated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(5, Directory.GetFiles(_corpus.Path).Length);
    }

    [Fact]
    public async Task AnAdminPost_WhilePoisonedFilesAreInTheFolder_IsCreatedAndAnswerable()
    {
        var client = await ReadyClientAsync();
        foreach (var (name, text) in Poisons()) Drop(name, text);
        Assert.True(await Eventually.HoldsAsync(async () => await DocumentsAsync(client) == 5 + 3), "the poisons were not read around");

        var (_, _, question, fact) = HostileInputs.GoodArticle(7);
        var posted = await client.PostAsJsonAsync("/api/articles", new { title = "Umm Qasr survey vessel Tigris-007", text = fact });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(fact, (await AskAsync(client, question)).GetProperty("citations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AWriterThatPausesLongerThanTheSettleTime_IsWaitedFor_AndItsFileIsIndexedWhole()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory.Settings["Watcher:SettleTime"] = "00:00:01";
        _factory.Clock = clock;
        var client = await ReadyClientAsync();
        var passages = await PassagesAsync(client);
        var (name, text, question, fact) = HostileInputs.GoodArticle(3);
        var whole = text + "\nThe survey is to be repeated each spring, the port authority added.\n";
        var path = Path.Combine(_corpus.Path, name);

        await using (var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(whole);
            var half = System.Text.Encoding.UTF8.GetByteCount(text); // the first half is an article in itself
            await writer.WriteAsync(bytes.AsMemory(0, half));
            await writer.FlushAsync();
            Assert.True(await Eventually.HoldsAsync(() => Watcher.Pending == 1), "the watcher did not see the new file");

            // The writer pauses for ten settle times, the file unchanged but still open: the watcher looks, and waits
            // (before, it read the half it found: a batch, and the first half's passage, answerable).
            for (var second = 0; second < 10; second++)
            {
                var passes = Watcher.Passes;
                clock.Advance(TimeSpan.FromSeconds(1));
                Assert.True(await Eventually.HoldsAsync(() => Watcher.Passes > passes || Watcher.Batches > 0), "the watcher did not look again");
            }

            Assert.Equal(0, Watcher.Batches);
            Assert.Equal(passages, await PassagesAsync(client));
            Assert.Equal(1, Watcher.Pending);
            await writer.WriteAsync(bytes.AsMemory(half));
        }

        Assert.True(await Eventually.HoldsAsync(async () => await PassagesAsync(client) == passages + 2, () => clock.Advance(TimeSpan.FromMilliseconds(500))), "the whole file was not indexed");
        Assert.Equal(1, Watcher.Batches); // indexed once, whole
        Assert.Equal(fact, (await AskAsync(client, question)).GetProperty("citations")[0].GetProperty("text").GetString());
    }
}

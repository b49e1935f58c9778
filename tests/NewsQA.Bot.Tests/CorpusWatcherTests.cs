using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsQA.Bot.Watching;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// The running service follows its corpus folder: articles dropped in, changed and removed are applied while it
/// answers. Waits are on conditions with generous limits, never on how fast; settling is stepped with a fake clock.
/// </summary>
public sealed class CorpusWatcherTests : IDisposable
{
    private const string MuseumQuestion = "How many restored artefacts are on display at the Mosul museum?";
    private const string MuseumId = "2024-05-02-mosul-museum";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly LiveCorpus _corpus = new();
    private readonly BotFactory _factory = new();

    public CorpusWatcherTests()
    {
        _factory.Settings["Corpus:Path"] = _corpus.Path;
        _factory.Settings["Watcher:SettleTime"] = "00:00:00.200";
    }

    public void Dispose()
    {
        _factory.Dispose();
        _corpus.Dispose();
    }

    private static string Museum(string artefacts) => DatedArticles.Article(
        "Mosul museum reopens", "2024-05-02T10:00:00+03:00", "Nineveh Post", "https://nineveh.example/2024/museum", "en",
        $"The Mosul museum reopened on Thursday with {artefacts} restored artefacts on display, its director said.",
        "The restoration of the museum's halls took four years.");

    private string MuseumPath => Path.Combine(_corpus.Path, MuseumId + ".md");

    private CorpusWatcher Watcher => _factory.Services.GetRequiredService<CorpusWatcher>();

    private static async Task<JsonElement> AskAsync(HttpClient client, string question, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static IEnumerable<JsonElement> Citations(JsonElement answer) => answer.GetProperty("citations").EnumerateArray();

    private static bool Cites(JsonElement answer, string documentId) => Citations(answer).Any(c => c.GetProperty("documentId").GetString() == documentId);

    private static async Task<int> DocumentsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("documents").GetInt32();

    private static async Task<int> PassagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/healthz")).GetProperty("passages").GetInt32();

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested) Assert.Fail($"Gave up after {Patience} waiting until {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<HttpClient> ReadyClientAsync(BotFactory factory)
    {
        var client = factory.CreateClient();
        await UntilAsync(async () => (await client.GetAsync("/healthz")).IsSuccessStatusCode, "the index is loaded");
        return client;
    }

    [Fact]
    public async Task ADroppedArticle_BecomesAnswerable_WithItsDateAndLink()
    {
        var client = await ReadyClientAsync(_factory);
        Assert.False(Cites(await AskAsync(client, MuseumQuestion), MuseumId));

        await File.WriteAllTextAsync(MuseumPath, Museum("1,200"));

        await UntilAsync(async () => Cites(await AskAsync(client, MuseumQuestion), MuseumId), "the dropped article is cited");
        var citation = Citations(await AskAsync(client, MuseumQuestion)).First(c => c.GetProperty("documentId").GetString() == MuseumId);
        Assert.Contains("1,200", citation.GetProperty("text").GetString());
        Assert.Equal("2024-05-02T10:00:00+03:00", citation.GetProperty("published").GetString());
        Assert.Equal("https://nineveh.example/2024/museum", citation.GetProperty("url").GetString());
        Assert.Equal("Nineveh Post", citation.GetProperty("source").GetString());
    }

    [Fact]
    public async Task AChangedArticle_IsReindexed_AndARemovedOne_IsNoLongerCited()
    {
        var client = await ReadyClientAsync(_factory);
        await File.WriteAllTextAsync(MuseumPath, Museum("1,200"));
        await UntilAsync(async () => Cites(await AskAsync(client, MuseumQuestion), MuseumId), "the article is cited");

        await File.WriteAllTextAsync(MuseumPath, Museum("3,400"));
        await UntilAsync(async () => (await AskAsync(client, MuseumQuestion)).GetProperty("answer").GetString()!.Contains("3,400", StringComparison.Ordinal), "the changed text is answered");

        File.Delete(MuseumPath);
        await UntilAsync(async () => await DocumentsAsync(client) == 5, "the removed article leaves the index");
        var answer = await AskAsync(client, MuseumQuestion);
        Assert.False(Cites(answer, MuseumId));
        Assert.DoesNotContain("3,400", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task WithoutFileEvents_ThePeriodicRescanFindsAdditionsAndRemovals()
    {
        _factory.Settings["Watcher:FileEvents"] = "false";
        _factory.Settings["Watcher:RescanInterval"] = "00:00:01";
        var client = await ReadyClientAsync(_factory);

        await File.WriteAllTextAsync(MuseumPath, Museum("1,200"));
        await UntilAsync(async () => Cites(await AskAsync(client, MuseumQuestion), MuseumId), "the rescan finds the new article");

        File.Delete(MuseumPath);
        await UntilAsync(async () => !Cites(await AskAsync(client, MuseumQuestion), MuseumId), "the rescan finds it removed");
        Assert.Equal(5, await DocumentsAsync(client));
    }

    [Fact]
    public async Task AFileStillBeingWritten_IsNotReadHalfWay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory.Settings["Watcher:SettleTime"] = "00:00:01";
        _factory.TestServices = s => s.AddSingleton<TimeProvider>(clock);
        var client = await ReadyClientAsync(_factory);
        var passages = await PassagesAsync(client);
        var text = Museum("1,200");
        var half = text.IndexOf("The restoration", StringComparison.Ordinal); // the first half is an article in itself

        await using (var writer = new StreamWriter(MuseumPath))
        {
            await writer.WriteAsync(text[..half]);
            await writer.FlushAsync();
            await UntilAsync(() => Task.FromResult(Watcher.Pending == 1), "the watcher sees the new file");
            clock.Advance(TimeSpan.FromMilliseconds(600)); // still inside the settle time

            await writer.WriteAsync(text[half..]); // the writer goes on
        }

        // Time moves on in small steps until the whole file (two paragraphs) is indexed: it must be indexed once.
        await UntilAsync(async () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(200));
            return await PassagesAsync(client) == passages + 2;
        }, "the settled file is indexed");
        var citation = Citations(await AskAsync(client, MuseumQuestion)).First(c => c.GetProperty("documentId").GetString() == MuseumId);
        Assert.Contains("1,200 restored artefacts", citation.GetProperty("text").GetString());
        Assert.Equal(1, Watcher.Batches); // indexed once, whole: never a half first and the rest later
    }

    [Fact]
    public async Task ABurstOfFiles_IsAppliedInBatches_WhileQuestionsKeepBeingAnswered()
    {
        const int Articles = 100;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory.Settings["Watcher:MaxBatchArticles"] = "20";
        _factory.TestServices = s => s.AddSingleton<TimeProvider>(clock);
        var client = await ReadyClientAsync(_factory);

        // Each written whole under another name, then renamed in (as feeds and copy tools do): one event per file.
        for (var i = 0; i < Articles; i++)
        {
            var path = Path.Combine(_corpus.Path, $"burst-{i:D3}.txt");
            await File.WriteAllTextAsync(path + ".part", $"Burst article {i}\n\nThe river port of Basra handled cargo ship number {i} on its {i}th day of trials.\n");
            File.Move(path + ".part", path);
        }

        await UntilAsync(() => Task.FromResult(Watcher.Pending == Articles), "every file of the burst is seen");

        // Questions asked without pause while the burst is applied.
        using var stop = new CancellationTokenSource();
        var answered = 0;
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var answer = await AskAsync(client, "من هو المتحدث باسم الحشد الشعبي؟");
                Assert.True(answer.GetProperty("grounded").GetBoolean());
                Interlocked.Increment(ref answered);
            }
        });
        await UntilAsync(() => Task.FromResult(Volatile.Read(ref answered) > 0), "the load is answering");

        clock.Advance(TimeSpan.FromSeconds(1)); // the whole burst has settled
        await UntilAsync(async () => await DocumentsAsync(client) == 5 + Articles, "the burst is indexed");
        await stop.CancelAsync();
        await load; // any failed or ungrounded answer fails the test here

        Assert.Equal(Articles / 20, Watcher.Batches);
        Assert.Equal(0, Watcher.Pending);
        Assert.True(Volatile.Read(ref answered) > 1);
    }
}

using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// The service's log at Information, with a model configured: one start-up line names the provider, the model and the
/// corpus; questions asked afterwards (REST and the web chat) add no line each, routing's, results' and the model
/// client's included.
/// </summary>
public sealed class StartupAndRequestLogTests
{
    [Fact]
    public async Task StartUp_NamesProviderModelAndCorpusOnce_AndQuestionsLogNothingAtInformation()
    {
        await using var model = await LoopbackModelServer.StartAsync();
        model.Reply = r => r.IsAnswer ? ["المتحدث باسم الحشد الشعبي هو كريم النوري ", $"[{r.PassageContaining("كريم النوري")}]", "."] : ["NOT_FOUND"];
        using var bot = new BotFactory().WithModel(model);
        var client = bot.CreateClient();
        (await client.GetAsync("/healthz")).EnsureSuccessStatusCode();
        var startup = bot.Logs.Entries.Where(e => e.Level >= LogLevel.Information).ToList();

        var named = Assert.Single(startup, e => e.Message.Contains("test-model", StringComparison.Ordinal));
        Assert.Contains("OpenAICompatible", named.Message);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "seeds"), named.Message);

        for (var i = 0; i < 3; i++) (await client.PostAsJsonAsync("/api/ask", new { question = "من هو المتحدث باسم الحشد الشعبي؟" })).EnsureSuccessStatusCode();
        var chat = await DirectLineClient.StartAsync(client);
        (await chat.PostAsync("من هو المتحدث باسم الحشد الشعبي؟")).EnsureSuccessStatusCode();
        Assert.True(await Eventually.HoldsAsync(async () => (await chat.ReadAllAsync()).Activities.Any(a => a.TryGetProperty("entities", out _))));
        Assert.True(model.Requests.Count(r => r.IsAnswer) >= 4, "the model answered every question");

        var afterwards = bot.Logs.Entries.Where(e => e.Level >= LogLevel.Information).Skip(startup.Count).ToList();
        Assert.True(afterwards.Count <= 2, string.Join('\n', afterwards.Select(e => $"{e.Category}: {e.Message}")));
    }
}

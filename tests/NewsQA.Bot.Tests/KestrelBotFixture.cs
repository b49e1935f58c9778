using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>The bot service on a real Kestrel at a loopback port, with a started Direct Line conversation to aim requests at.</summary>
public sealed class KestrelBotFixture : IAsyncLifetime
{
    public BotFactory Bot { get; } = new();

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public DirectLineClient DirectLine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Address = Bot.StartKestrel();
        Client = new HttpClient { BaseAddress = Address };
        DirectLine = await DirectLineClient.StartAsync(Client);
    }

    /// <summary>Whether the service still answers a real question.</summary>
    public async Task<bool> AnswersAsync()
    {
        var answer = await (await Client.PostAsJsonAsync("/api/ask", new { question = "كم رفع الناتو عدد جنوده في العراق؟" })).Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("answer").GetString()!.Contains("4000", StringComparison.Ordinal);
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Bot.Dispose();
        return Task.CompletedTask;
    }
}

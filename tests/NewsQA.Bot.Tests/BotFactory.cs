using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Bot.Tests;

/// <summary>The bot service in memory over the seed articles, with its index in a temporary folder.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsqa-bot-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services swapped in after the bot's own (a fake clock, a telemetry exporter).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    // Added after the service's own appsettings.json and environment, so these win over both (UseSetting values
    // would lose to appsettings.json's Corpus:Path and Index:Path).
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Corpus:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds"),
                ["Index:Path"] = Path.Combine(_folder, "index"),
                ["Bot:FeedbackPath"] = Path.Combine(_folder, "feedback.jsonl"),
            };
            foreach (var (key, value) in Settings) settings[key] = value;
            configuration.AddInMemoryCollection(settings);
        });
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    /// <summary>The bot answering through an OpenAI-compatible model server (AI:Provider=OpenAICompatible).</summary>
    public BotFactory WithModel(NewsQA.Testing.LoopbackModelServer model)
    {
        Settings["AI:Provider"] = "OpenAICompatible";
        Settings["AI:Endpoint"] = model.Endpoint.ToString();
        Settings["AI:ChatModel"] = "test-model";
        Settings["AI:ApiKey"] = model.ExpectedKey;
        return this;
    }

    public string FeedbackPath => Path.Combine(_folder, "feedback.jsonl");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

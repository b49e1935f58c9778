using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace NewsQA.Bot.Tests;

/// <summary>The bot service in memory over the seed articles, with its index in a temporary folder.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsqa-bot-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string?> Settings { get; } = [];

    // Added after the service's own appsettings.json and environment, so these win over both (UseSetting values
    // would lose to appsettings.json's Corpus:Path and Index:Path).
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.ConfigureAppConfiguration(configuration =>
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = Path.Combine(AppContext.BaseDirectory, "seeds"),
            ["Index:Path"] = Path.Combine(_folder, "index.bin"),
            ["Bot:FeedbackPath"] = Path.Combine(_folder, "feedback.jsonl"),
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        configuration.AddInMemoryCollection(settings);
    });

    public string FeedbackPath => Path.Combine(_folder, "feedback.jsonl");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

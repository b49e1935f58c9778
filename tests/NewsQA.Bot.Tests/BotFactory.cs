using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>The bot service in memory over the seed articles, with its index in a temporary folder.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsqa-bot-tests", Guid.NewGuid().ToString("N"));

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Corpus:Path", Path.Combine(AppContext.BaseDirectory, "seeds"));
        builder.UseSetting("Index:Path", Path.Combine(_folder, "index.bin"));
        builder.UseSetting("Bot:FeedbackPath", Path.Combine(_folder, "feedback.jsonl"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public string FeedbackPath => Path.Combine(_folder, "feedback.jsonl");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

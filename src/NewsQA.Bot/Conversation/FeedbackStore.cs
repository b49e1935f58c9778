using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.Conversation;

/// <summary>Appends answer feedback (reaction, comment, the question and the cited passages) to a JSON-lines file.</summary>
public sealed class FeedbackStore(IOptions<BotHostOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task SaveAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var path = options.Value.FeedbackPath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = JsonSerializer.Serialize(record with { ReceivedAt = clock.GetUtcNow() }, JsonBody.Options) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.State;

namespace NewsQA.Core.Feedback;

/// <summary>
/// Keeps answer feedback as JSON lines in <see cref="FeedbackOptions.Path"/>, bounded: when the file would pass
/// <see cref="FeedbackOptions.MaxFileBytes"/> it is rotated (feedback.jsonl → feedback.1.jsonl → …), and only
/// <see cref="FeedbackOptions.MaxFiles"/> rotated files are kept, the oldest dropped. Reading goes through all of them.
/// </summary>
public sealed class FeedbackStore(IOptions<FeedbackOptions> options, TimeProvider clock) : IFeedbackStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Appends a record, stamped with the time it arrived, rotating the file first when it is full.</summary>
    public async Task SaveAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var path = options.Value.Path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = JsonSerializer.Serialize(record with { ReceivedAt = clock.GetUtcNow() }, StoredJson.Options) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var size = File.Exists(path) ? new FileInfo(path).Length : 0;
            if (size > 0 && size + System.Text.Encoding.UTF8.GetByteCount(line) > options.Value.MaxFileBytes) Rotate(path);
            await File.AppendAllTextAsync(path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<(List<FeedbackRecord> Records, int Unreadable)> ReadAllAsync(CancellationToken cancellationToken) => Task.FromResult(ReadAll());

    /// <summary>Every record kept, the current file's and the rotated ones', oldest file first; lines that do not parse are counted, not thrown.</summary>
    public (List<FeedbackRecord> Records, int Unreadable) ReadAll()
    {
        var records = new List<FeedbackRecord>();
        var unreadable = 0;
        var path = options.Value.Path;
        foreach (var file in Enumerable.Range(1, options.Value.MaxFiles).Reverse().Select(i => Rotated(path, i)).Append(path).Where(File.Exists))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                try
                {
                    if (JsonSerializer.Deserialize<FeedbackRecord>(line, StoredJson.Options) is { } record) records.Add(record);
                    else unreadable++;
                }
                catch (JsonException)
                {
                    unreadable++;
                }
            }
        }

        return (records, unreadable);
    }

    /// <summary>The name of the n-th rotated file: feedback.jsonl → feedback.1.jsonl.</summary>
    public static string Rotated(string path, int n) =>
        Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}.{n}{Path.GetExtension(path)}");

    private void Rotate(string path)
    {
        var keep = options.Value.MaxFiles;
        if (keep == 0)
        {
            File.Delete(path);
            return;
        }

        File.Delete(Rotated(path, keep));
        for (var i = keep - 1; i >= 1; i--)
        {
            if (File.Exists(Rotated(path, i))) File.Move(Rotated(path, i), Rotated(path, i + 1));
        }

        File.Move(path, Rotated(path, 1));
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Core.Feedback;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa feedback`: the answers people disliked, newest first, each with its question, the answer as shown, the
/// cited passages and the comment, from the feedback file (Feedback:Path) and its rotated predecessors.
/// </summary>
public static class FeedbackCommand
{
    private const int ShownSentenceChars = 200;

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only feedback received on or after this date (2025-01-31, or a full ISO 8601 time)." };
        var json = CommonOptions.Json();
        var command = new Command("feedback", "List disliked answers, newest first: question, answer, cited passages, comment.") { since, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var from = ParseSince(result.GetValue(since));
            var (records, unreadable) = await host.Services.GetRequiredService<IFeedbackStore>().ReadAllAsync(ct);
            var disliked = records.Where(r => r.IsDislike && (from is null || r.ReceivedAt >= from)).OrderByDescending(r => r.ReceivedAt).ToList();
            if (unreadable > 0) Console.Error.WriteLine($"warning: {unreadable} feedback line(s) could not be read and were skipped");
            if (result.GetValue(json))
            {
                foreach (var record in disliked) Console.WriteLine(JsonOutput.Line(record));
            }
            else
            {
                Console.WriteLine(disliked.Count == 0 ? "No disliked answers." : string.Join("\n", disliked.Select(Describe)));
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static DateTimeOffset? ParseSince(string? value)
    {
        if (value is null) return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new UsageException($"--since: '{value}' is not a date (use 2025-01-31 or an ISO 8601 time)");
    }

    private static string Describe(FeedbackRecord record)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{record.ReceivedAt:yyyy-MM-dd HH:mm} UTC  conversation {record.ConversationId ?? "-"}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  question: {record.Question ?? "(not kept)"}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  answer:   {(record.Answer ?? "(not kept)").Replace("\n", "\n            ", StringComparison.Ordinal)}\n");
        foreach (var citation in record.Citations)
        {
            var sentence = citation.Sentence.Length > ShownSentenceChars ? citation.Sentence[..ShownSentenceChars] + "…" : citation.Sentence;
            builder.Append(CultureInfo.InvariantCulture, $"  [{citation.Marker}] {citation.Title}, ¶{citation.Paragraph} ({citation.PassageId}): {sentence}\n");
        }

        if (record.Citations.Count == 0 && record.PassageIds.Count > 0) builder.Append(CultureInfo.InvariantCulture, $"  cited:    {string.Join(", ", record.PassageIds)}\n");
        builder.Append(CultureInfo.InvariantCulture, $"  comment:  {record.Comment ?? "(none)"}\n");
        return builder.ToString();
    }
}

using System.Text;
using System.Text.RegularExpressions;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>
/// Checks a model's answer against the passages it was given: markers [n] outside 1..passages are removed as
/// invented; the valid ones are renumbered in order of first use, and each becomes a citation to its passage with
/// the sentence that best supports the claim it ends (the most question-and-claim words shared). The one place a
/// model's final answer is validated; <see cref="Markers"/> applies the same marker rules to text still being written.
/// </summary>
public static partial class CitationValidator
{
    /// <summary>The cleaned answer text and its citations; no citations means the answer is not grounded.</summary>
    public static (string Text, List<Citation> Citations) Validate(string modelText, IReadOnlyList<Passage> passages)
    {
        using var activity = NewsQATelemetry.Source.StartActivity("validate");
        var citations = new List<Citation>();
        var text = Rewrite(modelText, passages.Count, [], (marker, number, claim) =>
            citations.Add(new Citation(marker, passages[number - 1], SupportingSentence(passages[number - 1], claim)))).Trim();
        activity?.SetTag(NewsQATelemetry.PassagesTag, passages.Count);
        activity?.SetTag(NewsQATelemetry.MarkersTag, MarkerGroupPattern().Count(modelText));
        activity?.SetTag(NewsQATelemetry.CitationsTag, citations.Count);
        return (text, citations);
    }

    /// <summary>
    /// The text with the markers <see cref="Validate"/> would keep, numbered as it would number them, and none of the
    /// invented ones; no citations are built. Renumbering in order of first use is stable as text is appended, so the
    /// text shown while an answer streams is the start of the validated one.
    /// </summary>
    public static string Markers(string modelText, int passageCount) => Rewrite(modelText, passageCount, [], null).Trim();

    /// <summary>
    /// The text with its markers checked and renumbered, continuing the numbering in <paramref name="renumber"/> (the
    /// passage number each marker already given stands for), and untrimmed: <see cref="StreamingAnswerText"/> rewrites a
    /// reply piece by piece through it, each piece once, and gets what <see cref="Markers"/> gives for the whole.
    /// </summary>
    internal static string Rewrite(string modelText, int passageCount, Dictionary<int, int> renumber, Action<int, int, string>? cited)
    {
        var builder = new StringBuilder();
        var claimStart = 0;
        var last = 0;
        foreach (Match match in MarkerGroupPattern().Matches(modelText))
        {
            builder.Append(modelText, last, match.Index - last);
            var kept = 0;
            foreach (Match number in NumberPattern().Matches(match.Value))
            {
                if (!int.TryParse(number.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > passageCount) continue;
                if (!renumber.TryGetValue(n, out var marker))
                {
                    marker = renumber.Count + 1;
                    renumber[n] = marker;
                    cited?.Invoke(marker, n, modelText[claimStart..match.Index]);
                }

                // The model's space before the markers stays; a group whose markers were all invented leaves nothing.
                if (kept++ == 0 && char.IsWhiteSpace(match.Value[0])) builder.Append(' ');
                builder.Append($"[{marker}]");
            }

            last = match.Index + match.Length;
            claimStart = last;
        }

        builder.Append(modelText, last, modelText.Length - last);
        return SpaceBeforePunctuationPattern().Replace(builder.ToString(), "$1");
    }

    private static SentenceSpan SupportingSentence(Passage passage, string claim)
    {
        if (passage.Sentences.Count == 0) return new SentenceSpan(0, passage.Text.Length);
        var claimTerms = new HashSet<string>(TextAnalyzer.Analyze(claim), StringComparer.Ordinal);
        claimTerms.UnionWith(CharacterGrams.Analyze(claim));
        return passage.Sentences.MaxBy(s =>
        {
            var text = passage.Text.AsSpan(s.Start, s.Length);
            return TextAnalyzer.Analyze(text).Concat(CharacterGrams.Analyze(text)).Distinct().Count(claimTerms.Contains);
        });
    }

    // "[1]", "[1, 2]", "[1][2]" and Arabic-Indic digits; one group per run of adjacent brackets.
    [GeneratedRegex(@"(?:\s*\[\s*[0-9٠-٩]+(?:\s*[,،]\s*[0-9٠-٩]+)*\s*\])+")]
    internal static partial Regex MarkerGroupPattern();

    [GeneratedRegex(@"[0-9٠-٩]+")]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"\s+([.,،؛;:!?؟])")]
    private static partial Regex SpaceBeforePunctuationPattern();
}

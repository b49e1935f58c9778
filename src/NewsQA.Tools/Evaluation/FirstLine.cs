using NewsQA.Core.Answering;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Whether an answer's first line is right, as a reader judges it: a short answer in bold must be one of the answers
/// (token F1 at least <see cref="MinF1"/>, digits compared as values are written: "2,000" and "2000", "١٥" and "15"); with
/// none, the first cited sentence must hold one of them. A refusal is never right.
/// </summary>
public static class FirstLine
{
    /// <summary>The F1 against a gold answer from which a short answer counts as right (SQuAD-style partial credit).</summary>
    public const double MinF1 = 0.5;

    /// <summary>Whether the answer's first line gives one of <paramref name="answers"/>.</summary>
    public static bool IsRight(Answer answer, IReadOnlyCollection<string> answers)
    {
        if (answer.Citations.Count == 0 || answers.Count == 0) return false;
        if (answer.ShortAnswer is { } shown) return IsRightSpan(shown.Original, answers);
        var first = answer.Citations[0];
        var sentence = Normalize(first.Passage.Text.Substring(first.Sentence.Start, first.Sentence.Length));
        return answers.Any(a => sentence.Contains(Normalize(a), StringComparison.Ordinal));
    }

    /// <summary>Whether a span is one of the answers (F1 at least <see cref="MinF1"/> after normalizing digits).</summary>
    public static bool IsRightSpan(string span, IEnumerable<string> answers) =>
        AnswerMetrics.F1(Normalize(span), answers.Select(Normalize)) >= MinF1;

    // Arabic normalized as the index normalizes it (Arabic-Indic digits become ASCII), thousands separators dropped.
    private static string Normalize(string text)
    {
        var normalized = ArabicNormalizer.Normalize(text).ToLowerInvariant();
        var builder = new System.Text.StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] is ',' or '٬' && i > 0 && i + 1 < normalized.Length && char.IsAsciiDigit(normalized[i - 1]) && char.IsAsciiDigit(normalized[i + 1])) continue;
            builder.Append(normalized[i]);
        }

        return builder.ToString();
    }
}

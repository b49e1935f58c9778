using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// SQuAD's answer metrics, exact match and token F1 (Rajpurkar et al., evaluate-v1.1.py), with its normalization:
/// lower case, punctuation removed (every Unicode punctuation character, as MLQA's script does), articles removed,
/// white space collapsed. English articles are "a", "an", "the"; for Arabic, MLQA's official evaluation script
/// (mlqa_evaluation_v1.py) replaces every "ال" with a space, and that rule is used here as written; Arabic diacritics
/// and tatweel are removed too (MLQA keeps them; XQuAD's translators write them inconsistently).
/// </summary>
public static partial class AnswerMetrics
{
    /// <summary>The normalized tokens of an answer.</summary>
    public static List<string> Tokens(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (ArabicNormalizer.IsDiacritic(c) || c == '\u0640') continue;
            builder.Append(char.IsPunctuation(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol ? ' ' : c);
        }

        var normalized = builder.ToString().Replace("ال", " ", StringComparison.Ordinal);
        normalized = EnglishArticlePattern().Replace(normalized, " ");
        return [.. normalized.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>1 when the normalized prediction equals one of the normalized gold answers.</summary>
    public static double ExactMatch(string prediction, IEnumerable<string> golds)
    {
        var predicted = string.Join(' ', Tokens(prediction));
        return golds.Any(g => string.Join(' ', Tokens(g)) == predicted) ? 1 : 0;
    }

    /// <summary>The best token F1 of the prediction against any gold answer (0 for an empty prediction).</summary>
    public static double F1(string prediction, IEnumerable<string> golds) => golds.Select(g => F1(prediction, g)).DefaultIfEmpty(0).Max();

    /// <summary>Token F1 of a prediction against one gold answer.</summary>
    public static double F1(string prediction, string gold)
    {
        var predicted = Tokens(prediction);
        var expected = Tokens(gold);
        if (predicted.Count == 0 || expected.Count == 0) return predicted.Count == expected.Count ? 1 : 0;
        var counts = expected.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var token in predicted)
        {
            if (counts.TryGetValue(token, out var n) && n > 0)
            {
                common++;
                counts[token] = n - 1;
            }
        }

        if (common == 0) return 0;
        var precision = common / (double)predicted.Count;
        var recall = common / (double)expected.Count;
        return 2 * precision * recall / (precision + recall);
    }

    [GeneratedRegex(@"\b(?:a|an|the)\b")]
    private static partial Regex EnglishArticlePattern();
}

using System.Text.RegularExpressions;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>
/// Bracketed numbers that an article itself contains ("[3]", "[٣]", "［3］", "【3, 4】"), rewritten in parentheses
/// ("(3)", "(٣)", "(3, 4)") wherever article text is quoted in an answer or put into a prompt, so that only NewsQA's
/// own markers are citations: an article's footnote neither shows as a citation that matches none, nor, copied by a
/// model from its passage, becomes a citation to an unrelated passage. The number and its meaning stay readable, and
/// <see cref="CitationValidator"/> never reads parentheses as a marker.
/// </summary>
public static partial class CitationLookalikes
{
    private static readonly System.Buffers.SearchValues<char> Openers = System.Buffers.SearchValues.Create("[［【〔");

    /// <summary>The text with every bracketed number (or list of numbers) in parentheses instead.</summary>
    public static string Neutralize(string text) =>
        text.AsSpan().IndexOfAny(Openers) < 0 ? text : BracketedNumberPattern().Replace(text, m => $"({m.Groups["numbers"].Value})");

    // ASCII, Arabic-Indic, Persian and full-width digits; lists with commas, Arabic commas or dashes; square, full-width
    // and lenticular brackets.
    [GeneratedRegex(@"[\[［【〔]\s*(?<numbers>[0-9٠-٩۰-۹０-９]+(?:\s*[,،、，\-–]\s*[0-9٠-٩۰-۹０-９]+)*)\s*[\]］】〕]")]
    private static partial Regex BracketedNumberPattern();
}

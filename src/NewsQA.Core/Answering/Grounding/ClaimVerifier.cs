using System.Text.RegularExpressions;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>
/// Checks each claim of an answer against what it cites. A sentence's names (capitalized words the dictionary does not
/// know) and numbers must all be in a cited passage, and at least <see cref="MinSupportedShare"/> of its content words; words meet their passage by stem,
/// character grams, Arabic consonant skeleton, and across languages by the lexicon, sound (names) and value (numbers).
/// A sentence whose markers were all invalid, or that its citations do not support, is dropped; a sentence without a
/// marker is judged by the citations of the marked sentence after it in its paragraph (or before it).
/// </summary>
public sealed partial class ClaimVerifier(QueryTranslator translator)
{
    /// <summary>
    /// The share of a claim's content words its citation must hold. Set a priori, not fitted (there is no labelled set
    /// of model answers to fit it on): a sentence that restates its source shares most of its words with it, one that
    /// adds a fact of its own shares at most half.
    /// </summary>
    public const double MinSupportedShare = 0.5;

    /// <summary>
    /// The share asked of a claim in the other language than its source, which meets it through a dictionary that often
    /// lacks the article's word ("spokesman" → الناطق where the article writes المتحدث): a third. Its names and
    /// numbers, which do not pass through the dictionary, are still all required.
    /// </summary>
    public const double MinCrossLingualShare = 1.0 / 3;

    /// <summary>The sentences of an answer text with their markers; a marker group after a full stop goes with the sentence before it.</summary>
    public static List<Claim> Split(string text)
    {
        var claims = new List<Claim>();
        foreach (var span in SentenceSplitter.Split(text))
        {
            var sentence = text.Substring(span.Start, span.Length);
            var leading = LeadingMarkersPattern().Match(sentence);
            if (leading.Success && claims.Count > 0 && !text.AsSpan(0, span.Start).TrimEnd(" \t").EndsWith("\n"))
            {
                var previous = claims[^1];
                claims[^1] = new Claim(previous.Text + " " + leading.Value.Trim(), [.. previous.Markers, .. Markers(leading.Value)]);
                sentence = sentence[leading.Length..];
                if (sentence.Trim().Length == 0) continue;
            }

            claims.Add(new Claim(sentence, Markers(sentence)));
        }

        return claims;
    }

    /// <summary>
    /// The claims that their citations support, in order (markers to passages outside 1..<paramref name="passages"/>
    /// count as invalid). A claim with no content word (a heading, "Here is what the articles say:") is kept.
    /// </summary>
    public List<Claim> Supported(IReadOnlyList<Claim> claims, IReadOnlyList<Passage> passages)
    {
        var kept = new List<Claim>();
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            var valid = claim.Markers.Where(m => m >= 1 && m <= passages.Count).Distinct().ToList();
            if (claim.Markers.Count > 0 && valid.Count == 0) continue; // every marker invented
            if (valid.Count == 0) valid = BorrowedMarkers(claims, i, passages.Count);
            if (ContentWords(claim.Text).Count == 0 ? claim.Markers.Count == 0 : valid.Count > 0 && Supports(claim.Text, [.. valid.Select(m => passages[m - 1].Text)]))
            {
                kept.Add(claim);
            }
        }

        return kept;
    }

    /// <summary>The answer text rebuilt from the supported claims, paragraph breaks kept; empty when none is left.</summary>
    public string KeepSupported(string text, IReadOnlyList<Passage> passages)
    {
        var claims = Split(text);
        var kept = Supported(claims, passages).ToHashSet(ReferenceEqualityComparer.Instance);
        var builder = new System.Text.StringBuilder();
        var position = 0;
        foreach (var claim in claims)
        {
            var at = text.IndexOf(claim.Text, position, StringComparison.Ordinal);
            var gap = at >= position ? text[position..at] : " ";
            if (at >= position) position = at + claim.Text.Length;
            if (!kept.Contains(claim)) continue;
            builder.Append(gap.Contains('\n', StringComparison.Ordinal) ? gap[gap.IndexOf('\n', StringComparison.Ordinal)..] : builder.Length > 0 ? " " : string.Empty);
            builder.Append(claim.Text.Trim());
        }

        return builder.ToString().Trim();
    }

    /// <summary>Whether the texts (a cited sentence, or its paragraph) hold the claim's names, numbers and enough of its words.</summary>
    public bool Supports(string claim, IReadOnlyList<string> sources)
    {
        var words = ContentWords(claim);
        if (words.Count == 0) return true;
        var source = string.Join("\n", sources);
        var tokens = Tokenizer.Tokenize(source);
        var stems = tokens.Select(TextAnalyzer.AnalyzeToken).Where(s => s is not null).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        var grams = new HashSet<string>(CharacterGrams.Analyze(source), StringComparer.Ordinal);
        var skeletons = tokens.Where(t => t.IsArabic).Select(t => ArabicSkeleton.Of(t.Normalized)).Where(s => s.Length > 2).ToHashSet(StringComparer.Ordinal);
        var arabicSounds = tokens.Where(t => t.IsArabic).Select(t => TransliterationKey.FromArabic(t.Normalized)).ToHashSet(StringComparer.Ordinal);
        var latinSounds = tokens.Where(t => !t.IsArabic).Select(t => TransliterationKey.FromLatin(t.Normalized)).ToHashSet(StringComparer.Ordinal);
        var values = tokens.Select(t => NumberWords.Value(t.Normalized)).Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        var months = Enumerable.Range(0, tokens.Count).Select(i => TypedSpanFinder.MonthAt(tokens, i)?.Month).Where(m => m is not null).ToHashSet();

        var found = 0;
        foreach (var (token, surface) in words)
        {
            var held = Holds(token, stems, grams, skeletons, values) || (TypedSpanFinder.MonthAt([token], 0) is { } month && months.Contains(month.Month));
            var isNumber = NumberWords.Value(token.Normalized) is not null && token.Normalized != "one";
            // A capitalized word the dictionary does not know is a name ("Macron"); one it knows is a word ("Middle East").
            var isName = !token.IsArabic && char.IsUpper(surface[0]) && !Translations(token).Any();
            // A name meets its other script by sound (Karim al-Nouri / كريم النوري); a two-consonant sound only for a
            // word long enough that two consonants are most of it.
            var sound = token.IsArabic ? TransliterationKey.FromArabic(token.Normalized) : TransliterationKey.FromLatin(token.Normalized);
            if (!held && (isName || token.IsArabic) && (sound.Length >= 3 || (sound.Length == 2 && token.Normalized.Length >= 4))
                && (token.IsArabic ? latinSounds : arabicSounds).Contains(sound)) held = true;
            if (!held && !isNumber) held = Translations(token).Any(t => Holds(t, stems, grams, skeletons, values));
            if (!held && (isNumber || isName)) return false;
            if (held) found++;
        }

        var crossLingual = words.Count(w => w.Token.IsArabic) * 2 < words.Count != tokens.Count(t => t.IsArabic) * 2 < tokens.Count;
        return found >= (crossLingual ? MinCrossLingualShare : MinSupportedShare) * words.Count;
    }

    private static bool Holds(Token token, HashSet<string> stems, HashSet<string> grams, HashSet<string> skeletons, HashSet<int> values)
    {
        if (NumberWords.Value(token.Normalized) is { } value && values.Contains(value)) return true;
        if (TextAnalyzer.AnalyzeToken(token) is { } stem && stems.Contains(stem)) return true;
        var own = CharacterGrams.Analyze(token.Normalized);
        if (own.Count >= 3 && own.Count(grams.Contains) >= 0.75 * own.Count) return true;
        return token.IsArabic && ArabicSkeleton.Of(token.Normalized) is { Length: > 2 } skeleton && skeletons.Contains(skeleton);
    }

    // The word's dictionary translations into the other language, as tokens.
    private IEnumerable<Token> Translations(Token token)
    {
        var lexicon = translator.Lexicon;
        var translations = token.IsArabic ? lexicon.ToEnglish(token.Normalized) : lexicon.ToArabic(token.Normalized);
        return translations.SelectMany(t => Tokenizer.Tokenize(t)).Where(t => TextAnalyzer.AnalyzeToken(t) is not null || NumberWords.Value(t.Normalized) is not null);
    }

    private static List<(Token Token, string Surface)> ContentWords(string claim)
    {
        // Markers are no words; "12,500" is one number.
        var text = ThousandsPattern().Replace(CitationValidator.MarkerGroupPattern().Replace(claim, " "), "$1$2");
        var tokens = Tokenizer.Tokenize(text);
        return [.. tokens.Where(t => (TextAnalyzer.AnalyzeToken(t) is not null && t.Normalized is not ("al" or "el")) || NumberWords.Value(t.Normalized) is not null)
            .Select(t => (t, text.Substring(t.Start, t.Length)))
            // A capital opening the sentence is no sign of a name.
            .Select(x => x.t.Start == tokens[0].Start && !x.t.IsArabic ? (x.t, x.Item2.ToLowerInvariant()) : x)];
    }

    // An unmarked sentence is covered by the next marked sentence of its paragraph ("X. Y [2]."), else the one before it.
    private static List<int> BorrowedMarkers(IReadOnlyList<Claim> claims, int i, int passages)
    {
        foreach (var j in Enumerable.Range(i + 1, claims.Count - i - 1).Concat(Enumerable.Range(0, i).Reverse()))
        {
            if (claims[j].Text.Contains('\n', StringComparison.Ordinal) && j > i) break;
            var valid = claims[j].Markers.Where(m => m >= 1 && m <= passages).Distinct().ToList();
            if (valid.Count > 0) return valid;
        }

        return [];
    }

    private static List<int> Markers(string text) =>
        [.. CitationValidator.MarkerGroupPattern().Matches(text).SelectMany(m => CitationValidator.NumberPattern().Matches(m.Value)).Select(n =>
            int.TryParse(ArabicNormalizer.Normalize(n.Value), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0)];

    [GeneratedRegex(@"^\s*(?:\[\s*[0-9٠-٩]+(?:\s*[,،]\s*[0-9٠-٩]+)*\s*\]\s*)+[.،,؛;!?؟]?\s*")]
    private static partial Regex LeadingMarkersPattern();

    [GeneratedRegex(@"(\d),(\d{3})")]
    private static partial Regex ThousandsPattern();
}

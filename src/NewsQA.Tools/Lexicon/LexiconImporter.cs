using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Lexicon;

/// <summary>
/// Builds NewsQA's English–Arabic lexicon from FreeDict's eng-ara and ara-eng dictionaries: phonetics, sense numbers
/// and explanatory glosses are stripped, multi-word translations are kept as phrases, and the ara-eng entries are
/// inverted so both directions add English → Arabic pairs. Arabic is stored without diacritics (analysis removes them
/// anyway), English lower-cased.
/// </summary>
public static partial class LexiconImporter
{
    // Glosses and variant lists longer than this many words are explanations, not translations.
    private const int MaxTranslationWords = 4;

    /// <summary>English headword → Arabic translations, in dictionary order (eng-ara first).</summary>
    public static SortedDictionary<string, List<string>> Import(string freedictFolder)
    {
        var lexicon = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (headword, entry) in DictdReader.Read(freedictFolder, "freedict-eng-ara"))
        {
            foreach (var arabic in Translations(entry)) Add(lexicon, headword, arabic);
        }

        foreach (var (headword, entry) in DictdReader.Read(freedictFolder, "freedict-ara-eng"))
        {
            var arabic = CleanArabic(headword);
            if (arabic is null) continue;
            foreach (var english in Translations(entry)) Add(lexicon, english, arabic);
        }

        return lexicon;
    }

    /// <summary>The translations in one entry's body (the lines after the headword line).</summary>
    public static IEnumerable<string> Translations(string entry)
    {
        foreach (var raw in entry.Split('\n').Skip(1))
        {
            var line = SenseNumberPattern().Replace(raw, string.Empty);
            line = ParenthesisPattern().Replace(line, string.Empty);
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            if (dash >= 0) line = line[..dash]; // "سيسرو - نوع الحرف المطبعي": the gloss follows the dash
            foreach (var part in line.Split([',', '،', ';', '؛'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is 0 or > MaxTranslationWords) continue;
                yield return string.Join(' ', words);
            }
        }
    }

    private static void Add(SortedDictionary<string, List<string>> lexicon, string english, string arabic)
    {
        var key = CleanEnglish(english);
        var value = CleanArabic(arabic);
        if (key is null || value is null) return;
        if (!lexicon.TryGetValue(key, out var list)) lexicon[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }

    private static string? CleanEnglish(string text)
    {
        var cleaned = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length > 0 && cleaned.All(c => char.IsAsciiLetterLower(c) || c is ' ' or '-' or '\'') ? cleaned : null;
    }

    private static string? CleanArabic(string text)
    {
        var cleaned = string.Join(' ', ArabicDiacritics(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return cleaned.Length > 0 && cleaned.Any(ArabicNormalizer.IsArabicLetter) && !cleaned.Any(char.IsAsciiLetter) ? cleaned : null;
    }

    private static string ArabicDiacritics(string text) => new([.. text.Trim().Where(c => !ArabicNormalizer.IsDiacritic(c) && c != '\u0640')]);

    [GeneratedRegex(@"^\s*\d+\.\s*")]
    private static partial Regex SenseNumberPattern();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex ParenthesisPattern();
}

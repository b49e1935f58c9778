using NewsQA.Core.Lexicon;
using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// The English–Arabic lexicon in memory, for lookups both ways: English phrases and words (with their inflected
/// variants, found through the Porter stem) to Arabic, and Arabic words (by normalized form, then by stem) to English.
/// </summary>
public sealed class BilingualLexicon
{
    public const int MaxPhraseWords = 4;

    private readonly Dictionary<string, string[]> _englishToArabic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _englishByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _arabicToEnglish = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _arabicByStem = new(StringComparer.Ordinal);

    public BilingualLexicon(IEnumerable<(string English, string[] Arabic)> entries)
    {
        foreach (var (english, arabic) in entries)
        {
            _englishToArabic[english] = arabic;
            if (!english.Contains(' ', StringComparison.Ordinal)) AddTo(_englishByStem, PorterStemmer.Stem(english), english);
            foreach (var translation in arabic)
            {
                var normalized = ArabicNormalizer.Normalize(translation);
                AddTo(_arabicToEnglish, normalized, english);
                if (!normalized.Contains(' ', StringComparison.Ordinal)) AddTo(_arabicByStem, ArabicLightStemmer.Stem(normalized), english);
            }
        }
    }

    public int Count => _englishToArabic.Count;

    public static BilingualLexicon Load(string path) => new(LexiconFile.Read(path));

    /// <summary>Arabic translations of an English phrase or word (lower-case), trying inflected variants for a word.</summary>
    public IReadOnlyList<string> ToArabic(string english)
    {
        if (_englishToArabic.TryGetValue(english, out var direct)) return direct;
        if (english.Contains(' ', StringComparison.Ordinal)) return [];
        // A lemma variant: "troops" → "troop", "withdrew" stays unknown, "attacked" → "attack", "attacks".
        return _englishByStem.TryGetValue(PorterStemmer.Stem(english), out var variants)
            ? [.. variants.SelectMany(v => _englishToArabic[v]).Distinct().Take(8)]
            : [];
    }

    /// <summary>English translations of a normalized Arabic phrase or word, by exact form, else by light stem.</summary>
    public IReadOnlyList<string> ToEnglish(string normalizedArabic)
    {
        if (_arabicToEnglish.TryGetValue(normalizedArabic, out var direct)) return direct;
        if (normalizedArabic.Contains(' ', StringComparison.Ordinal)) return [];
        return _arabicByStem.TryGetValue(ArabicLightStemmer.Stem(normalizedArabic), out var byStem) ? byStem : [];
    }

    public bool ContainsEnglish(string english) => _englishToArabic.ContainsKey(english);

    public bool ContainsArabic(string normalizedArabic) => _arabicToEnglish.ContainsKey(normalizedArabic);

    private static void AddTo(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }
}

using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// The English–Arabic lexicon in memory, for lookups both ways: English phrases and words (with their inflected
/// variants, found through the Porter stem, and then through related English words) to Arabic, and Arabic words (by
/// normalized form, then by stem) to English.
/// </summary>
public sealed class BilingualLexicon
{
    public const int MaxPhraseWords = 4;

    private readonly Dictionary<string, string[]> _englishToArabic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _englishByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _arabicToEnglish = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _arabicByStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _related = new(StringComparer.Ordinal);

    /// <param name="entries">English → Arabic translations.</param>
    /// <param name="related">English word → related English words (derived forms, synonyms: lexicon/en-related.tsv).</param>
    public BilingualLexicon(IEnumerable<(string English, string[] Arabic)> entries, IEnumerable<(string English, string[] Related)>? related = null)
    {
        foreach (var (english, words) in related ?? []) _related[english] = words;

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

    /// <summary>The lexicon file, and the related-words file when one is given.</summary>
    public static BilingualLexicon Load(string path, string? relatedPath = null) =>
        new(LexiconFile.Read(path), relatedPath is null ? null : LexiconFile.Read(relatedPath));

    /// <summary>
    /// Arabic translations of an English phrase or word (lower-case), trying inflected variants and then related words
    /// for a word.
    /// </summary>
    public IReadOnlyList<string> ToArabic(string english)
    {
        var direct = _englishToArabic.TryGetValue(english, out var found) ? found : [];
        if (english.Contains(' ', StringComparison.Ordinal)) return direct;
        // The word's own translations first, then those of its inflected siblings ("attacked" → "attack", "attacks"):
        // FreeDict gives most headwords one sense, and a sibling's entry often holds the form the articles use.
        var siblings = _englishByStem.TryGetValue(PorterStemmer.Stem(english), out var variants)
            ? variants.Where(v => v != english).SelectMany(v => _englishToArabic[v])
            : [];
        // Then the main translation of each related word (chemist → chemistry → كيمياء): the dictionary often translates
        // one member of a word family, or one synonym, in the sense the articles use. Only the first, its main sense,
        // so that a relative's other senses do not drift further from the word's own.
        var relatives = _related.TryGetValue(english, out var related)
            ? related.SelectMany(r => _englishToArabic.TryGetValue(r, out var translations) ? translations.Take(1) : [])
            : [];
        return [.. direct.Concat(siblings).Concat(relatives).Distinct().Take(MaxTranslations)];
    }

    // More alternatives than this add noise faster than recall.
    private const int MaxTranslations = 8;

    /// <summary>
    /// English translations of a normalized Arabic phrase or word: its own form's first, then its light stem's, then
    /// each one's nearest related word.
    /// </summary>
    public IReadOnlyList<string> ToEnglish(string normalizedArabic)
    {
        var direct = _arabicToEnglish.TryGetValue(normalizedArabic, out var found) ? found : [];
        if (normalizedArabic.Contains(' ', StringComparison.Ordinal)) return direct;
        var byStem = _arabicByStem.TryGetValue(ArabicLightStemmer.Stem(normalizedArabic), out var siblings) ? siblings : [];
        var translations = direct.Concat(byStem).Distinct().Take(MaxTranslations).ToList();
        // Each translation's nearest relative too (its derived form where WordNet has one: inflammation → inflame), which
        // the Porter stem does not reach; more relatives than one measured worse (docs/lab/EXPERIMENTS.md).
        return [.. translations.Concat(translations.SelectMany(e => _related.TryGetValue(e, out var related) ? related.Take(1) : [])).Distinct()];
    }

    public bool ContainsEnglish(string english) => _englishToArabic.ContainsKey(english);

    public bool ContainsArabic(string normalizedArabic) => _arabicToEnglish.ContainsKey(normalizedArabic);

    private static void AddTo(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (!list.Contains(value)) list.Add(value);
    }
}

using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// Translates a question into the other language for retrieval, as synonym groups: phrases first (up to four words:
/// "prime minister", "national security adviser"), then words through the lexicon (with inflected variants); each
/// source word's translations form one group. Words the lexicon lacks, and capitalized words, are matched to index
/// terms of the other script by transliteration key (names: Sudani → السوداني); numbers pass through. Translations
/// go through the same analysis as the index, so they meet its stems.
/// </summary>
public sealed class QueryTranslator(Lazy<BilingualLexicon> lexicon)
{
    public QueryTranslator(BilingualLexicon lexicon)
        : this(new Lazy<BilingualLexicon>(lexicon))
    {
    }

    /// <summary>The lexicon translations come from.</summary>
    public BilingualLexicon Lexicon => lexicon.Value;

    /// <summary>
    /// A translator over the lexicon files, read when a question is first translated: reading them takes seconds and
    /// about 80 MB (measured with `newsqa search`), which a question in the articles' own language never needs.
    /// </summary>
    public static QueryTranslator FromFiles(string path, string? relatedPath) =>
        new(new Lazy<BilingualLexicon>(() => BilingualLexicon.Load(path, relatedPath)));

    // A name's key must be this long to be trusted; a two-consonant key is tried only for a capitalized word.
    private const int MinKeyLength = 3;
    private const int MinCapitalizedKeyLength = 2;

    // Of the index terms sharing a name's key, the rarest few are kept: names are rarer than common words.
    private const int MaxNameCandidates = 3;

    /// <summary>Translation groups for a question into the language of <paramref name="target"/>, and text to embed there.</summary>
    public (List<QueryGroup> Groups, string VectorText) Translate(string question, TextLanguage target, PassageIndex index) =>
        target == TextLanguage.Arabic ? EnglishToArabic(question, index) : ArabicToEnglish(question, index);

    /// <summary>
    /// Character 4-gram groups of each Arabic translation group's words, so that a translation still meets the other
    /// inflected and attached forms of its word in the articles (as the grams do for Arabic questions).
    /// </summary>
    public static List<QueryGroup> GramGroups(IEnumerable<QueryGroup> groups, double gramWeight) =>
        [.. groups.SelectMany(g =>
        {
            var arabic = (g.Words.Count > 0 ? g.Words : g.Terms).Where(t => t.Length > 0 && ArabicNormalizer.IsArabicLetter(t[0])).ToList();
            if (arabic.Count == 0) return [];
            var grams = CharacterGrams.Analyze(string.Join(' ', arabic)).Distinct().ToList();
            var perWord = (double)grams.Count / arabic.Count;
            return grams.Select(gram => new QueryGroup([gram], g.Weight * gramWeight * Math.Max(1, perWord) / grams.Count) { IsEvidence = false });
        })];

    private (List<QueryGroup>, string) EnglishToArabic(string question, PassageIndex index)
    {
        var tokens = Tokenizer.Tokenize(question).Where(t => !t.IsArabic && !IsTransliteratedArticle(question, t)).ToList();
        var groups = new List<QueryGroup>();
        var vector = new List<string>();
        for (var i = 0; i < tokens.Count;)
        {
            var phrase = LongestPhrase(tokens, i, p => Lexicon.ContainsEnglish(p));
            if (phrase > 1)
            {
                var source = string.Join(' ', tokens.Skip(i).Take(phrase).Select(t => t.Normalized));
                AddTranslations(groups, vector, Lexicon.ToArabic(source), ContentWords(tokens.Skip(i).Take(phrase)), [], []);
                i += phrase;
                continue;
            }

            var token = tokens[i++];
            var word = token.Normalized;
            if (TryAddNumber(groups, vector, word, TextLanguage.Arabic)) continue;

            if (EnglishStopWords.Contains(word)) continue;
            var translations = Lexicon.ToArabic(word);
            if (IrregularVerbs.BaseOf(word) is { } lemma) translations = [.. translations, .. Lexicon.ToArabic(lemma)];
            var capitalized = char.IsUpper(question[token.Start]) && token.Start > 0;
            // Names, and loanwords Arabic writes by sound (kilometre, internet), are found by transliteration; the word
            // itself is kept for Latin text inside the articles ("Pbs"). A lower-case word the lexicon translates is a
            // dictionary word, not a name: its sound-alikes would be noise.
            List<string> names = capitalized || translations.Count == 0 ? [.. ArabicNames(word, index, capitalized)] : [];
            // A lower-case word with neither a translation nor a sound-alike is a gap in the lexicon; a capitalized one
            // that sounds like nothing in the articles is a name they do not mention, and stays as evidence against.
            var untranslated = translations.Count == 0 && names.Count == 0 && !capitalized;
            AddTranslations(groups, vector, translations, 1, [.. names, PorterStemmer.Stem(word)], names, untranslated);
            vector.AddRange(names.Take(1));
        }

        return (groups, string.Join(' ', vector));
    }

    private (List<QueryGroup>, string) ArabicToEnglish(string question, PassageIndex index)
    {
        var tokens = Tokenizer.Tokenize(question).Where(t => t.IsArabic || char.IsAsciiDigit(t.Normalized[0])).ToList();
        var groups = new List<QueryGroup>();
        var vector = new List<string>();
        for (var i = 0; i < tokens.Count;)
        {
            var phrase = LongestPhrase(tokens, i, p => Lexicon.ContainsArabic(p));
            if (phrase > 1)
            {
                var english = Lexicon.ToEnglish(string.Join(' ', tokens.Skip(i).Take(phrase).Select(t => t.Normalized)));
                var phraseTerms = english.SelectMany(e => TextAnalyzer.Analyze(e)).Distinct(StringComparer.Ordinal).ToList();
                if (phraseTerms.Count > 0) groups.Add(new QueryGroup(phraseTerms, phrase)); // translations of stop words only add nothing
                vector.AddRange(english.Take(1));
                i += phrase;
                continue;
            }

            var word = tokens[i++].Normalized;
            if (TryAddNumber(groups, vector, word, TextLanguage.English)) continue;

            if (ArabicStopWords.Contains(word)) continue;
            var translations = Lexicon.ToEnglish(word);
            var terms = translations.SelectMany(t => TextAnalyzer.Analyze(t)).ToList();
            terms.AddRange(EnglishNames(word, index));
            if (terms.Count == 0) continue;
            groups.Add(new QueryGroup([.. terms.Distinct(StringComparer.Ordinal)], 1));
            vector.AddRange(translations.Take(2));
        }

        return (groups, string.Join(' ', vector));
    }

    // One group for the single-word translations (and any other alternatives: names, the source word). A multi-word
    // translation ("بشكل علني" for "publicly") is not mixed into it, where its every word, "بشكل" too, would count as
    // the whole translation; it is used only when there is no single-word one, each of its words then a group of its
    // own sharing the weight, so that all must match, as a phrase would. Each group keeps its words as written, for
    // their character grams.
    private static void AddTranslations(
        List<QueryGroup> groups, List<string> vector, IReadOnlyList<string> translations, double weight, IReadOnlyList<string> otherTerms, IReadOnlyList<string> otherWords,
        bool untranslated = false)
    {
        var singleWords = translations.Where(t => !t.Contains(' ', StringComparison.Ordinal)).ToList();
        var terms = singleWords.SelectMany(t => TextAnalyzer.Analyze(t)).Concat(otherTerms).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count > 0) groups.Add(new QueryGroup(terms, weight) { Words = [.. singleWords, .. otherWords], AbsenceCounts = !untranslated });
        if (singleWords.Count == 0 && translations.Count > 0)
        {
            var words = Tokenizer.Tokenize(translations[0]).Select(t => (Word: t.Normalized, Term: TextAnalyzer.AnalyzeToken(t))).Where(w => w.Term is not null).ToList();
            groups.AddRange(words.Select(w => new QueryGroup([w.Term!], weight / words.Count) { Words = [w.Word] }));
        }

        vector.AddRange(translations.Take(1));
    }

    // Arabic index terms that may write a Latin-script name. The terms are stems, and stemming takes a lone ب ل ك ف off
    // the front of a long word even when it is the name's own first sound (بغداد → غداد, كوبلاي → وبلاي): a name whose key
    // starts with one of those sounds also meets the stems that lack it, compared as written with it.
    private static IEnumerable<string> ArabicNames(string word, PassageIndex index, bool capitalized)
    {
        var key = TransliterationKey.FromLatin(word);
        var minimum = capitalized ? MinCapitalizedKeyLength : MinKeyLength;
        if (key.Length < minimum) return [];
        var candidates = TransliteratedTerms.Find(index, "ar:" + key).Select(t => (Term: t, Written: t));
        if (key.Length > minimum)
        {
            foreach (var letter in ArabicLightStemmer.PrepositionLetters.Where(l => TransliterationKey.FromArabic(l.ToString()) == key[..1]))
            {
                candidates = candidates.Concat(TransliteratedTerms.Find(index, "ar:" + key[1..])
                    .Where(t => ArabicLightStemmer.Stem(letter + t) == t).Select(t => (Term: t, Written: letter + t)));
            }
        }

        return Closest(word, latin: true, candidates, index);
    }

    // English index terms that may write an Arabic-script name, by the key of its stem; and when stemming took a lone
    // ب ل ك ف off the front, by the key with that letter too, which may be the name's own (بغداد: Baghdad).
    private static IEnumerable<string> EnglishNames(string word, PassageIndex index)
    {
        var stem = ArabicLightStemmer.Stem(word);
        var keys = new List<string> { TransliterationKey.FromArabic(stem) };
        if (ArabicLightStemmer.LonePrepositionPrefix(word) is { } letter) keys.Add(TransliterationKey.FromArabic(letter + stem));
        var candidates = keys.Where(k => k.Length >= MinKeyLength).Distinct(StringComparer.Ordinal)
            .SelectMany(k => TransliteratedTerms.Find(index, "en:" + k)).Select(t => (Term: t, Written: t));
        return Closest(word, latin: false, candidates, index);
    }

    private static IEnumerable<string> Closest(string word, bool latin, IEnumerable<(string Term, string Written)> candidates, PassageIndex index)
    {
        var shape = latin ? TransliterationKey.ShapeFromLatin(word) : TransliterationKey.ShapeFromArabic(word);
        var fine = latin ? TransliterationKey.FineShapeFromLatin(word) : TransliterationKey.FineShapeFromArabic(word);
        // Same consonants, and vowels in about the same places: Bowl matches بول, not بابل. Among equals, the closer
        // letters first (Sayyid: سيد before زياد), then the rarer term.
        // The tolerance follows the Latin spelling either way round, which writes the short vowels Arabic leaves out.
        return candidates
            .Select(c => (c.Term, c.Written, Shape: latin ? TransliterationKey.ShapeFromArabic(c.Written) : TransliterationKey.ShapeFromLatin(c.Written)))
            .Select(c => (c.Term, c.Written, Distance: TransliterationKey.Distance(shape, c.Shape), Tolerance: MaxShapeDistance(latin ? shape : c.Shape)))
            .Where(x => x.Distance <= x.Tolerance)
            .OrderBy(x => x.Distance)
            .ThenBy(x => TransliterationKey.Distance(fine, latin ? TransliterationKey.FineShapeFromArabic(x.Written) : TransliterationKey.FineShapeFromLatin(x.Written)))
            .ThenBy(x => index.DocumentFrequency(x.Term)).ThenBy(x => x.Term, StringComparer.Ordinal)
            .Select(x => x.Term).Distinct(StringComparer.Ordinal)
            .Take(MaxNameCandidates);
    }

    // Transcriptions disagree on a vowel or two; more than that is another word.
    private static int MaxShapeDistance(string shape) => Math.Max(1, shape.Length / 3);

    // A number, in digits or words, becomes one group of every way the target language writes it.
    private static bool TryAddNumber(List<QueryGroup> groups, List<string> vector, string word, TextLanguage target)
    {
        if (NumberWords.Value(word) is not { } number) return false;
        groups.Add(new QueryGroup([.. NumberWords.Terms(number, target).Distinct(StringComparer.Ordinal)], 1));
        vector.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    // "al-" or "el-" before a hyphen is Arabic's article written in Latin letters (al-Sudani, al-Shuhada): part of the
    // name, whose transliteration key ignores the article anyway, not the English word "al".
    private static bool IsTransliteratedArticle(string question, Token token) =>
        token.Normalized is "al" or "el" && token.Start + token.Length < question.Length && question[token.Start + token.Length] == '-';

    private static int LongestPhrase(List<Token> tokens, int start, Func<string, bool> known)
    {
        for (var length = Math.Min(BilingualLexicon.MaxPhraseWords, tokens.Count - start); length > 1; length--)
        {
            if (known(string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Normalized)))) return length;
        }

        return 1;
    }

    private static int ContentWords(IEnumerable<Token> tokens) =>
        Math.Max(1, tokens.Count(t => !EnglishStopWords.Contains(t.Normalized)));
}

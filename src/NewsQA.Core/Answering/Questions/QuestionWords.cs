using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// Reads a question into its content words (<see cref="QuestionWord"/>), each with the terms that witness it in the
/// articles: its own stem, and when the articles are in the other language, its translations word by word through the
/// same translator retrieval uses. A word the lexicon cannot render and the articles do not use either is left out, as
/// retrieval's answer evidence leaves it out: its absence says nothing.
/// </summary>
public static class QuestionWords
{
    /// <summary>The question's content words, in order.</summary>
    public static List<QuestionWord> Read(string question, PassageIndex index, QueryTranslator? translator, TextLanguage? target)
    {
        var tokens = Tokenizer.Tokenize(question);
        var (focus, head, predicate) = QuestionFocus.Find(tokens);
        var words = new List<QuestionWord>();
        var rarest = PassageIndex.Idf(index.Count, 0);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var stem = TextAnalyzer.AnalyzeToken(token);
            var number = NumberWords.Value(token.Normalized) is { } value && token.Normalized != "one" ? value : (int?)null;
            if (stem is null && number is null) continue;

            var terms = new HashSet<string>(StringComparer.Ordinal);
            var grams = new List<IReadOnlyList<string>>();
            var arabicForms = new List<string>();
            if (token.IsArabic) arabicForms.Add(token.Normalized);
            if (stem is not null) terms.Add(stem);
            if (number is { } n) terms.UnionWith(NumberWords.Terms(n, token.IsArabic ? TextLanguage.Arabic : TextLanguage.English));
            grams.Add(CharacterGrams.Analyze(token.Normalized));
            var weight = stem is null ? rarest : index.InverseDocumentFrequency(stem);

            var surface = question.Substring(token.Start, token.Length);
            var capitalized = !token.IsArabic && char.IsUpper(surface[0]) && i > 0;
            if (translator is not null && target is { } language)
            {
                // One word at a time, after a space so that the translator sees a capital as a name's, not a sentence's.
                var (groups, _) = translator.Translate(" " + surface, language, index);
                var evidence = groups.Where(g => g.IsEvidence && g.Terms.Count > 0).ToList();
                var translated = evidence.SelectMany(g => g.Terms).Where(t => t[0] != CharacterGrams.Marker).ToList();
                terms.UnionWith(translated);
                var gap = evidence.All(g => !g.AbsenceCounts) && !capitalized;
                if (gap && terms.All(t => index.DocumentFrequency(t) == 0)) continue;
                var alternatives = evidence.SelectMany(g => g.Words).Concat(PhraseTranslations(translator, tokens, i, language)).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                terms.UnionWith(alternatives.SelectMany(w => TextAnalyzer.Analyze(w)));
                grams.AddRange(alternatives.Select(w => (IReadOnlyList<string>)CharacterGrams.Analyze(w)));
                arabicForms.AddRange(alternatives.Where(w => w.Length > 0 && ArabicNormalizer.IsArabicLetter(w[0])).Select(w => ArabicNormalizer.Normalize(w)));
                weight = index.GroupInverseDocumentFrequency(terms);
            }

            var skeletons = arabicForms.SelectMany(f => f.Split(' ')).Select(ArabicSkeleton.Of).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
            words.Add(new QuestionWord(i, token.Normalized, terms, [.. grams.Where(g => g.Count > 0)], skeletons, weight,
                focus.Contains(i), i == head, i == predicate, capitalized, number is not null || token.Normalized.All(char.IsAsciiDigit)));
        }

        return words;
    }

    // The words of the lexicon's phrases (up to four words: "secretary general", "prime minister") that hold token i:
    // a phrase's translation ("الأمين العام") witnesses each of its words, where word-by-word translation loses it.
    private static IEnumerable<string> PhraseTranslations(QueryTranslator translator, List<Token> tokens, int i, TextLanguage target)
    {
        if (target != TextLanguage.Arabic) yield break;
        for (var start = Math.Max(0, i - BilingualLexicon.MaxPhraseWords + 1); start <= i; start++)
        {
            for (var length = Math.Min(BilingualLexicon.MaxPhraseWords, tokens.Count - start); length > 1 && start + length > i; length--)
            {
                var phrase = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Normalized));
                if (!translator.Lexicon.ContainsEnglish(phrase)) continue;
                foreach (var translation in translator.Lexicon.ToArabic(phrase))
                {
                    foreach (var word in translation.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return word;
                }
            }
        }
    }
}

using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// Finds a question's focus: the noun phrase it asks about, with its modifiers ("من هو وزير الخارجية الفرنسي؟" →
/// وزير الخارجية الفرنسي, head وزير; "How many French soldiers are in Iraq?" → French soldiers, head soldiers). It is
/// the first run of content words after the question frame (question word, copula, "how many", "عدد", "اسم"); Arabic
/// puts the head first, English last. The question's verb is kept apart as its predicate: in Arabic the run's first word
/// after a verbal question word ("متى تأسس حلف الناتو"), in English the run's last word after "did"/"does" ("When did
/// Lloyd Austin speak"), or a lone verb before a determiner ("Who leads the militia").
/// </summary>
public static class QuestionFocus
{
    // Words of the question frame, normalized: question words, copulas and the nouns that only frame what is asked.
    private static readonly HashSet<string> ArabicFrame = new(
        ["من", "ما", "ماذا", "متي", "اين", "كيف", "كم", "هل", "لماذا", "لمادا", "اي", "باي", "ماهو", "ماهي", "بماذا", "بكم", "لمن", "ممن",
         "هو", "هي", "هم", "هما", "الذي", "التي", "الذين", "عدد", "اسم", "نوع", "مدي", "يبلغ", "تبلغ", "بلغ", "عام", "سنه", "العام", "في", "الي", "علي", "عن"],
        StringComparer.Ordinal);

    // Arabic question words after which a verb follows; "من" and "ما" are verbal unless a copula or frame noun follows.
    private static readonly HashSet<string> ArabicVerbal = new(["ماذا", "متي", "لماذا", "لمادا", "كيف", "هل", "اين", "بماذا", "بكم"], StringComparer.Ordinal);

    // "من هو", "ما اسم" frame a noun phrase; "من الذي قتل", "ما الذي عثرت" a verb.
    private static readonly HashSet<string> ArabicCopulas = new(["هو", "هي", "هم", "هما", "اسم", "عدد", "نوع"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishFrame = new(
        ["who", "what", "when", "where", "which", "how", "why", "whom", "whose", "many", "much", "long", "old", "far", "is", "are", "was", "were",
         "did", "does", "do", "will", "would", "can", "could", "has", "have", "had", "the", "a", "an", "name", "kind", "type", "year", "of", "in", "on", "at"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishAuxiliaries = new(["did", "does", "do", "will", "would", "can", "could", "should"], StringComparer.Ordinal);

    /// <summary>The token positions of the focus, in order, its head (-1 when there is none) and the predicate (-1 when none).</summary>
    public static (List<int> Focus, int Head, int Predicate) Find(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count == 0) return ([], -1, -1);
        var arabic = tokens.Count(t => t.IsArabic) * 2 >= tokens.Count;
        return arabic ? FindArabic(tokens) : FindEnglish(tokens);
    }

    private static (List<int>, int, int) FindArabic(IReadOnlyList<Token> tokens)
    {
        var start = 0;
        while (start < tokens.Count && (ArabicFrame.Contains(tokens[start].Normalized) || TextAnalyzer.AnalyzeToken(tokens[start]) is null)) start++;
        var run = Run(tokens, start, t => TextAnalyzer.AnalyzeToken(t) is not null);
        // An imperfect verb (يملك, ينتمي) after the phrase's first word ends the phrase: nouns rarely begin with ي.
        var verb = run.Skip(1).FirstOrDefault(i => tokens[i].Normalized is { Length: >= 4 } w && w[0] == 'ي', -1);
        if (verb > 0) run = run[..run.IndexOf(verb)];
        if (run.Count == 0) return ([], -1, -1);
        var first = tokens[0].Normalized;
        var second = tokens.Count > 1 ? tokens[1].Normalized : string.Empty;
        var verbal = ArabicVerbal.Contains(first) || (first is "من" or "ما" && !ArabicCopulas.Contains(second));
        if (!verbal || run.Count == 1) return (run, run[0], -1);
        return (run[1..], run[1], run[0]);
    }

    private static (List<int>, int, int) FindEnglish(IReadOnlyList<Token> tokens)
    {
        var start = 0;
        var auxiliary = false;
        while (start < tokens.Count && (EnglishFrame.Contains(tokens[start].Normalized) || EnglishStopWords.Contains(tokens[start].Normalized)))
        {
            auxiliary |= EnglishAuxiliaries.Contains(tokens[start].Normalized);
            start++;
        }

        // The possessive's "s" ("Turkey's position") stays inside the phrase.
        bool Content(Token t) => t.Normalized == "s" || (!EnglishStopWords.Contains(t.Normalized) && TextAnalyzer.AnalyzeToken(t) is not null);
        var run = Run(tokens, start, Content).Where(i => tokens[i].Normalized != "s").ToList();
        if (run.Count == 0) return ([], -1, -1);
        // "Who leads the militia?": a lone word before a determiner is the verb; the phrase after it is the focus.
        var next = run[^1] + 1;
        if (run.Count == 1 && !auxiliary && next < tokens.Count && tokens[next].Normalized is "the" or "a" or "an")
        {
            var after = Run(tokens, next + 1, Content).Where(i => tokens[i].Normalized != "s").ToList();
            if (after.Count > 0) return (after, after[^1], run[0]);
        }

        // After "did"/"does" the phrase ends in the main verb ("What did the German government say"): the head is before it.
        return auxiliary && run.Count > 1 ? (run[..^1], run[^2], run[^1]) : (run, run[^1], -1);
    }

    private static List<int> Run(IReadOnlyList<Token> tokens, int start, Func<Token, bool> content)
    {
        var run = new List<int>();
        for (var i = start; i < tokens.Count && content(tokens[i]); i++) run.Add(i);
        return run;
    }
}

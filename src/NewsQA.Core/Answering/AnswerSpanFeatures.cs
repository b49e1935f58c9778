using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// The candidate short answers of a sentence and what a reader weighs in each: its length; whether it repeats the
/// question or stands beside the question's words (news apposition: "المتحدث باسم الحشد الشعبي كريم النوري"); whether
/// it is a span of the kind the question asks for (<see cref="TypedSpanFinder"/>); whether it starts and ends where the
/// sentence's punctuation does; whether it begins or ends in a function word. The short-answer model weighs them.
/// </summary>
public static class AnswerSpanFeatures
{
    /// <summary>The features' names, in the order each candidate's vector holds them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "length1", "length2", "length3", "length4to6", "questionOverlap", "besideQuestion", "nearQuestion", "questionAround",
        "afterFocus", "beforeFocus", "askedKind", "askedFirstKind", "overlapsAskedKind", "otherKind", "startsAtBreak", "endsAtBreak",
        "articleShare", "startsWithFunctionWord", "endsWithFunctionWord", "innerFunctionWords", "digits",
        "leftContext", "rightContext", "leftAdjacent", "rightAdjacent",
        "personLength1", "personLength2", "personLength3", "personLength4to6",
        "numberLength1", "numberLength2", "numberLength3", "numberLength4to6",
        "timeLength1", "timeLength2", "timeLength3", "timeLength4to6",
        "placeLength1", "placeLength2", "placeLength3", "placeLength4to6",
        "personArticleShare", "otherArticleShare", "startsWithConjunction", "startsWithVerb",
    ];

    /// <summary>Longest candidate, in tokens: short answers are names, numbers and dates, rarely a clause.</summary>
    public const int MaxTokens = 6;

    private const int AroundTokens = 6;

    // The sliding window of SQuAD's baseline (Rajpurkar et al. 2016): the question's weight found just left and just
    // right of a span tells the answer's slot in a sentence that restates the question.
    private const int ContextTokens = 4;

    private static readonly AnswerType[] LengthTypes = [AnswerType.Person, AnswerType.Number, AnswerType.Time, AnswerType.Place];

    /// <summary>Every candidate span of the sentence with its features.</summary>
    public static List<AnswerSpan> Candidates(ReadQuestion question, SentenceMatch sentence)
    {
        var tokens = sentence.Tokens;
        var text = sentence.Text;
        var words = question.Words;
        var isQuestion = Enumerable.Range(0, tokens.Count).Select(sentence.IsQuestionToken).ToArray();
        var isFocus = Enumerable.Range(0, tokens.Count).Select(t => words.Select((w, i) => (w, i)).Any(x => x.w.IsFocus && sentence.Matches[x.i][t] >= 0.5)).ToArray();
        var function = tokens.Select(t => TextAnalyzer.AnalyzeToken(t) is null).ToArray();
        var typed = sentence.Spans;
        var asked = AnswerabilityFeatures.Kinds(question.Type);
        var breaks = Enumerable.Range(0, tokens.Count + 1).Select(i => BreakBefore(text, tokens, i)).ToArray();
        var candidates = new List<AnswerSpan>();
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var end = start + 1; end <= Math.Min(tokens.Count, start + MaxTokens); end++)
            {
                if (end - 1 > start && breaks[end - 1]) break; // a span does not cross a comma, a full stop, a bracket
                var length = end - start;
                var overlap = Enumerable.Range(start, length).Count(t => isQuestion[t]) / (double)length;
                // A short answer says something the question does not: a span whose every content word is the
                // question's own restates it.
                if (overlap >= 1 || Enumerable.Range(start, length).All(t => isQuestion[t] || function[t])) continue;
                var kind = typed.FirstOrDefault(s => s.Start == start && s.End == end);
                var exact = typed.Any(s => s.Start == start && s.End == end);
                var distance = Enumerable.Range(0, tokens.Count).Where(t => isQuestion[t] && (t < start || t >= end))
                    .Select(t => t < start ? start - t : t - end + 1).DefaultIfEmpty(tokens.Count).Min();
                var around = Enumerable.Range(Math.Max(0, start - AroundTokens), Math.Min(tokens.Count, end + AroundTokens) - Math.Max(0, start - AroundTokens))
                    .Count(t => isQuestion[t] && (t < start || t >= end)) / (double)Math.Max(1, words.Count);
                double[] features =
                [
                    length == 1 ? 1 : 0,
                    length == 2 ? 1 : 0,
                    length == 3 ? 1 : 0,
                    length >= 4 ? 1 : 0,
                    overlap,
                    distance == 1 ? 1 : 0,
                    Math.Exp(-(distance - 1) / 3.0),
                    Math.Min(1, around),
                    start > 0 && isFocus[start - 1] ? 1 : 0,
                    end < tokens.Count && isFocus[end] ? 1 : 0,
                    exact && asked.Contains(kind.Kind) ? 1 : 0,
                    exact && asked.Length > 0 && kind.Kind == asked[0] ? 1 : 0,
                    !exact && typed.Any(s => asked.Contains(s.Kind) && s.Overlaps(start, end)) ? 1 : 0,
                    exact && !asked.Contains(kind.Kind) ? 1 : 0,
                    breaks[start] ? 1 : 0,
                    breaks[end] ? 1 : 0,
                    Enumerable.Range(start, length).Count(t => tokens[t].IsArabic && TypedSpanFinder.HasArticle(tokens[t].Normalized)) / (double)length,
                    function[start] ? 1 : 0,
                    function[end - 1] ? 1 : 0,
                    Enumerable.Range(start, length).Count(t => function[t]) / (double)length,
                    Enumerable.Range(start, length).Any(t => tokens[t].Normalized.All(char.IsAsciiDigit)) ? 1 : 0,
                    Context(sentence, words, Math.Max(0, start - ContextTokens), start),
                    Context(sentence, words, end, Math.Min(tokens.Count, end + ContextTokens)),
                    start > 0 && isQuestion[start - 1] ? 1 : 0,
                    end < tokens.Count && isQuestion[end] ? 1 : 0,
                ];
                // A length prior of its own for each asked type: a name is two or three words, a year one.
                var lengths = LengthTypes.SelectMany(type => LengthBuckets(length).Select(b => question.Type == type ? b : 0));
                // A name carries no article ("ليدي غاغا", "وليام سميث"); a clause starts with "و" or a verb.
                var articles = features[16];
                double[] shape =
                [
                    question.Type == AnswerType.Person ? articles : 0,
                    question.Type == AnswerType.Unknown ? articles : 0,
                    IsConjoined(tokens[start]) ? 1 : 0,
                    IsImperfectVerb(tokens[start]) ? 1 : 0,
                ];
                candidates.Add(new AnswerSpan(start, end, exact ? kind.Kind : null, [.. features, .. lengths, .. shape]));
            }
        }

        return candidates;
    }

    private static bool IsConjoined(Token token) => token.IsArabic && token.Normalized.Length > 3 && token.Normalized[0] is 'و' or 'ف';

    private static bool IsImperfectVerb(Token token) => token.IsArabic && token.Normalized.Length >= 4 && token.Normalized[0] is 'ي' or 'ت' && !token.Normalized.EndsWith('ه');

    private static double[] LengthBuckets(int length) => [length == 1 ? 1 : 0, length == 2 ? 1 : 0, length == 3 ? 1 : 0, length >= 4 ? 1 : 0];

    // The share of the question's weight witnessed by tokens [from, to).
    private static double Context(SentenceMatch sentence, IReadOnlyList<QuestionWord> words, int from, int to)
    {
        var total = words.Sum(w => w.Weight);
        if (total <= 0 || to <= from) return 0;
        return words.Select((w, i) => w.Weight * Enumerable.Range(from, to - from).Max(t => sentence.Matches[i][t])).Sum() / total;
    }

    // Whether punctuation (not a space, slash or hyphen) stands before token i; the sentence's ends count.
    private static bool BreakBefore(string text, IReadOnlyList<Token> tokens, int i)
    {
        if (i == 0 || i == tokens.Count) return true;
        var from = tokens[i - 1].Start + tokens[i - 1].Length;
        var gap = text.AsSpan(from, tokens[i].Start - from);
        // A thousands separator or decimal point between digits (4,000; 2.5) is inside the number.
        if (gap.Length == 1 && gap[0] is ',' or '.' or '٬' or '٫' or '،' && tokens[i - 1].Normalized.All(char.IsAsciiDigit) && tokens[i].Normalized.All(char.IsAsciiDigit)) return false;
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c) && c is not ('/' or '-' or '–' or 'ـ')) return true;
        }

        return false;
    }
}

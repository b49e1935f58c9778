using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// The candidate short answers of a sentence and what a reader weighs in each: its length; whether it repeats the
/// question or stands beside the question's words (news apposition: "المتحدث باسم الحشد الشعبي كريم النوري"); whether
/// it is a span of the kind the question asks for (<see cref="TypedSpanFinder"/>); whether it starts and ends where the
/// sentence's punctuation does; whether it begins or ends in a function word. The short-answer model weighs them.
/// </summary>
public static class AnswerSpanFeatures
{
    /// <summary>Longest candidate, in tokens: short answers are names, numbers and dates, rarely a clause.</summary>
    public const int MaxTokens = 6;

    private const int AroundTokens = 6;

    // The sliding window of SQuAD's baseline (Rajpurkar et al. 2016): the question's weight found just left and just
    // right of a span tells the answer's slot in a sentence that restates the question.
    private const int ContextTokens = 4;

    /// <summary>The features, each named beside its computation (the model file lists the names).</summary>
    public static readonly FeatureSet<SpanReading> Set = new(
    [
        new("length1", r => r.Length == 1 ? 1 : 0),
        new("length2", r => r.Length == 2 ? 1 : 0),
        new("length3", r => r.Length == 3 ? 1 : 0),
        new("length4to6", r => r.Length >= 4 ? 1 : 0),
        new("questionOverlap", r => r.Overlap),
        new("besideQuestion", r => r.Distance == 1 ? 1 : 0),
        new("nearQuestion", r => Math.Exp(-(r.Distance - 1) / 3.0)),
        new("questionAround", r => Math.Min(1, r.Around)),
        new("afterFocus", r => r.Start > 0 && r.Sentence.IsFocus[r.Start - 1] ? 1 : 0),
        new("beforeFocus", r => r.End < r.Sentence.Tokens.Count && r.Sentence.IsFocus[r.End] ? 1 : 0),
        new("askedKind", r => r.Kind is { } k && r.Sentence.Asked.Contains(k) ? 1 : 0),
        new("askedFirstKind", r => r.Kind is { } k && r.Sentence.Asked.Length > 0 && k == r.Sentence.Asked[0] ? 1 : 0),
        new("overlapsAskedKind", r => r.Kind is null && r.Sentence.Match.Spans.Any(s => r.Sentence.Asked.Contains(s.Kind) && s.Overlaps(r.Start, r.End)) ? 1 : 0),
        new("otherKind", r => r.Kind is { } k && !r.Sentence.Asked.Contains(k) ? 1 : 0),
        new("startsAtBreak", r => r.Sentence.Breaks[r.Start] ? 1 : 0),
        new("endsAtBreak", r => r.Sentence.Breaks[r.End] ? 1 : 0),
        new("articleShare", r => r.ArticleShare),
        new("startsWithFunctionWord", r => r.Sentence.Function[r.Start] ? 1 : 0),
        new("endsWithFunctionWord", r => r.Sentence.Function[r.End - 1] ? 1 : 0),
        new("innerFunctionWords", r => r.Tokens.Count(t => r.Sentence.Function[t]) / (double)r.Length),
        new("digits", r => r.Tokens.Any(t => r.Sentence.Tokens[t].Normalized.All(char.IsAsciiDigit)) ? 1 : 0),
        new("leftContext", r => Context(r.Sentence, Math.Max(0, r.Start - ContextTokens), r.Start)),
        new("rightContext", r => Context(r.Sentence, r.End, Math.Min(r.Sentence.Tokens.Count, r.End + ContextTokens))),
        new("leftAdjacent", r => r.Start > 0 && r.Sentence.IsQuestion[r.Start - 1] ? 1 : 0),
        new("rightAdjacent", r => r.End < r.Sentence.Tokens.Count && r.Sentence.IsQuestion[r.End] ? 1 : 0),
        // A length prior of its own for each asked type: a name is two or three words, a year one.
        .. LengthPriors(AnswerType.Person, "person"),
        .. LengthPriors(AnswerType.Number, "number"),
        .. LengthPriors(AnswerType.Time, "time"),
        .. LengthPriors(AnswerType.Place, "place"),
        // A name carries no article ("ليدي غاغا", "وليام سميث"); a clause starts with "و" or a verb.
        new("personArticleShare", r => r.Sentence.Question.Type == AnswerType.Person ? r.ArticleShare : 0),
        new("otherArticleShare", r => r.Sentence.Question.Type == AnswerType.Unknown ? r.ArticleShare : 0),
        new("startsWithConjunction", r => IsConjoined(r.Sentence.Tokens[r.Start]) ? 1 : 0),
        new("startsWithVerb", r => IsImperfectVerb(r.Sentence.Tokens[r.Start]) ? 1 : 0),
    ]);

    /// <summary>The features' names, in the order each candidate's vector holds them.</summary>
    public static IReadOnlyList<string> Names => Set.Names;

    /// <summary>Every candidate span of the sentence with its features.</summary>
    public static List<AnswerSpan> Candidates(ReadQuestion question, SentenceMatch sentence)
    {
        var read = new SentenceReading(question, sentence);
        var tokens = sentence.Tokens;
        var candidates = new List<AnswerSpan>();
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var end = start + 1; end <= Math.Min(tokens.Count, start + MaxTokens); end++)
            {
                if (end - 1 > start && read.Breaks[end - 1]) break; // a span does not cross a comma, a full stop, a bracket
                var span = new SpanReading(read, start, end);
                // A short answer says something the question does not: a span whose every content word is the
                // question's own restates it.
                if (span.Overlap >= 1 || span.Tokens.All(t => read.IsQuestion[t] || read.Function[t])) continue;
                candidates.Add(new AnswerSpan(start, end, span.Kind, Set.Compute(span)));
            }
        }

        return candidates;
    }

    /// <summary>What every span of a sentence shares: which tokens are the question's, its focus, function words, breaks.</summary>
    public sealed class SentenceReading(ReadQuestion question, SentenceMatch match)
    {
        public ReadQuestion Question { get; } = question;

        public SentenceMatch Match { get; } = match;

        public IReadOnlyList<Token> Tokens => Match.Tokens;

        public bool[] IsQuestion { get; } = [.. Enumerable.Range(0, match.Tokens.Count).Select(match.IsQuestionToken)];

        public bool[] IsFocus { get; } = [.. Enumerable.Range(0, match.Tokens.Count).Select(t => question.Words.Select((w, i) => (w, i)).Any(x => x.w.IsFocus && match.Matches[x.i][t] >= 0.5))];

        public bool[] Function { get; } = [.. match.Tokens.Select(t => TextAnalyzer.AnalyzeToken(t) is null)];

        public SpanKind[] Asked { get; } = AnswerabilityFeatures.Kinds(question.Type);

        public bool[] Breaks { get; } = [.. Enumerable.Range(0, match.Tokens.Count + 1).Select(i => BreakBefore(match.Text, match.Tokens, i))];
    }

    /// <summary>One candidate span [<see cref="Start"/>, <see cref="End"/>) of a sentence and what its features read.</summary>
    public sealed class SpanReading
    {
        public SpanReading(SentenceReading sentence, int start, int end)
        {
            Sentence = sentence;
            Start = start;
            End = end;
            Tokens = Enumerable.Range(start, end - start);
            var count = sentence.Tokens.Count;
            Overlap = Tokens.Count(t => sentence.IsQuestion[t]) / (double)Length;
            Distance = Enumerable.Range(0, count).Where(t => sentence.IsQuestion[t] && (t < start || t >= end))
                .Select(t => t < start ? start - t : t - end + 1).DefaultIfEmpty(count).Min();
            var from = Math.Max(0, start - AroundTokens);
            Around = Enumerable.Range(from, Math.Min(count, end + AroundTokens) - from)
                .Count(t => sentence.IsQuestion[t] && (t < start || t >= end)) / (double)Math.Max(1, sentence.Question.Words.Count);
            Kind = sentence.Match.Spans.FirstOrDefault(s => s.Start == start && s.End == end) is { Length: > 0 } exact ? exact.Kind : null;
            ArticleShare = Tokens.Count(t => sentence.Tokens[t].IsArabic && TypedSpanFinder.HasArticle(sentence.Tokens[t].Normalized)) / (double)Length;
        }

        public SentenceReading Sentence { get; }

        public int Start { get; }

        public int End { get; }

        public int Length => End - Start;

        public IEnumerable<int> Tokens { get; }

        public double Overlap { get; }

        public int Distance { get; }

        public double Around { get; }

        /// <summary>The kind of the typed span this candidate is exactly, or null.</summary>
        public SpanKind? Kind { get; }

        public double ArticleShare { get; }
    }

    private static Feature<SpanReading>[] LengthPriors(AnswerType type, string name) =>
    [
        new($"{name}Length1", r => r.Sentence.Question.Type == type && r.Length == 1 ? 1 : 0),
        new($"{name}Length2", r => r.Sentence.Question.Type == type && r.Length == 2 ? 1 : 0),
        new($"{name}Length3", r => r.Sentence.Question.Type == type && r.Length == 3 ? 1 : 0),
        new($"{name}Length4to6", r => r.Sentence.Question.Type == type && r.Length >= 4 ? 1 : 0),
    ];

    private static bool IsConjoined(Token token) => token.IsArabic && token.Normalized.Length > 3 && token.Normalized[0] is 'و' or 'ف';

    private static bool IsImperfectVerb(Token token) => token.IsArabic && token.Normalized.Length >= 4 && token.Normalized[0] is 'ي' or 'ت' && !token.Normalized.EndsWith('ه');

    // The share of the question's weight witnessed by tokens [from, to).
    private static double Context(SentenceReading sentence, int from, int to)
    {
        var words = sentence.Question.Words;
        var total = words.Sum(w => w.Weight);
        if (total <= 0 || to <= from) return 0;
        return words.Select((w, i) => w.Weight * Enumerable.Range(from, to - from).Max(t => sentence.Match.Matches[i][t])).Sum() / total;
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

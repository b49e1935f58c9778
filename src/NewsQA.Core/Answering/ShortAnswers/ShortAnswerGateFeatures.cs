using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Models;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// What the short-answer gate weighs of the span chosen among the cited sentence's spans of the asked kind: how sure the
/// span model is of it among them and how many there were; how well the sentence holds the question (coverage, the
/// answerability model's probability, its focus beside the span); how near the span stands to the question's words; whether it repeats part of the question;
/// its kind and length; whether the sentence is in the other language than the question.
/// </summary>
public static class ShortAnswerGateFeatures
{
    private const int AroundTokens = 6;

    /// <summary>The features, each with its computation.</summary>
    public static readonly FeatureSet<KindCandidate> Set = new(
        new("spanProbability", c => c.SpanProbability),
        new("amongAllSpans", c => c.AmongAllSpans),
        new("onlyCandidate", c => c.Candidates == 1 ? 1 : 0),
        new("coverage", c => c.Sentence.Coverage),
        new("answerability", c => c.Answerability),
        new("focusShare", FocusShare),
        new("focusComplete", FocusComplete),
        new("besideQuestion", c => Distance(c) == 1 ? 1 : 0),
        new("nearQuestion", c => Math.Exp(-(Distance(c) - 1) / 3.0)),
        new("besideFocus", c => BesideFocus(c) ? 1 : 0),
        new("questionAround", QuestionAround),
        new("partlyQuestion", c => Enumerable.Range(c.Span.Start, c.Span.Length).Count(c.Match.IsQuestionToken) / (double)c.Span.Length),
        new("person", c => c.Extracted.Kind == SpanKind.Person ? 1 : 0),
        new("number", c => c.Extracted.Kind == SpanKind.Number ? 1 : 0),
        new("time", c => c.Extracted.Kind == SpanKind.Time ? 1 : 0),
        new("place", c => c.Extracted.Kind == SpanKind.Place ? 1 : 0),
        new("organization", c => c.Extracted.Kind == SpanKind.Organization ? 1 : 0),
        new("length", c => Math.Min(c.Span.Length, AnswerSpanFeatures.MaxTokens) / (double)AnswerSpanFeatures.MaxTokens),
        new("crossLingual", c => AnswerabilityJudge.IsCrossLingual(c.Question, c.Sentence) ? 1 : 0));

    // Tokens between the span and the nearest question word outside it (the sentence's length when there is none).
    private static int Distance(KindCandidate c)
    {
        var tokens = c.Match.Tokens.Count;
        return Enumerable.Range(0, tokens).Where(t => c.Match.IsQuestionToken(t) && (t < c.Span.Start || t >= c.Span.End))
            .Select(t => t < c.Span.Start ? c.Span.Start - t : t - c.Span.End + 1).DefaultIfEmpty(tokens).Min();
    }

    private static bool BesideFocus(KindCandidate c)
    {
        var words = c.Question.Words;
        bool Focus(int t) => t >= 0 && t < c.Match.Tokens.Count && words.Select((w, i) => (w, i)).Any(x => x.w.IsFocus && c.Match.Matches[x.i][t] >= 0.5);
        return Focus(c.Span.Start - 1) || Focus(c.Span.End);
    }

    // The share of the question's focus words the sentence holds (all the question's words when it has no focus).
    private static double FocusShare(KindCandidate c)
    {
        var words = c.Question.Words;
        var focus = Enumerable.Range(0, words.Count).Where(w => words[w].IsFocus).ToList();
        if (focus.Count == 0) focus = [.. Enumerable.Range(0, words.Count)];
        return focus.Count == 0 ? 0 : focus.Average(w => Math.Min(1, c.Match.Presence(w)));
    }

    // The least present focus word: whether all of the focus is there.
    private static double FocusComplete(KindCandidate c)
    {
        var words = c.Question.Words;
        var focus = Enumerable.Range(0, words.Count).Where(w => words[w].IsFocus).ToList();
        return focus.Count == 0 ? FocusShare(c) : focus.Min(w => Math.Min(1, c.Match.Presence(w)));
    }

    // The share of the question's weight within a few tokens either side of the span.
    private static double QuestionAround(KindCandidate c)
    {
        var words = c.Question.Words;
        var total = words.Sum(w => w.Weight);
        if (total <= 0) return 0;
        var from = Math.Max(0, c.Span.Start - AroundTokens);
        var to = Math.Min(c.Match.Tokens.Count, c.Span.End + AroundTokens);
        return words.Select((w, i) => w.Weight * Enumerable.Range(from, to - from).Where(t => t < c.Span.Start || t >= c.Span.End)
            .Select(t => c.Match.Matches[i][t]).DefaultIfEmpty(0).Max()).Sum() / total;
    }
}

using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// Finds the short answer in a cited sentence: every candidate span (<see cref="AnswerSpanFeatures"/>) is scored by the
/// fitted short-answer model (models/short-answer.json, a softmax over a sentence's candidates), and the best leads the
/// answer of every factoid question, the quote after it for the reader to check. Questions answered by a clause or a
/// yes or no (why, هل, "did …") get none.
/// </summary>
public sealed class ShortAnswerExtractor(IOptions<AnsweringOptions> options)
{
    private static readonly HashSet<string> YesNoOpeners = new(
        ["هل", "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "has", "have", "had", "should"], StringComparer.Ordinal);

    private readonly Lazy<LinearModel> _model = new(() => LinearModel.Load(options.Value.ResolvedShortAnswerModelPath, AnswerSpanFeatures.Names));

    /// <summary>The short answer of <paramref name="sentence"/> to the question, or null.</summary>
    public ExtractedSpan? Extract(ReadQuestion question, SentenceEvidence sentence) => Best(question, sentence, _model.Value);

    /// <summary>The most likely span under <paramref name="model"/>, however unsure (training measures it held out).</summary>
    public static ExtractedSpan? Best(ReadQuestion question, SentenceEvidence sentence, LinearModel model)
    {
        if (!AsksForSpan(question)) return null;
        var match = SentenceMatch.Of(sentence, question);
        var candidates = AnswerSpanFeatures.Candidates(question, match);
        if (candidates.Count == 0) return null;
        var scores = candidates.Select(c => model.Score(c.Features)).ToList();
        var top = scores.Max();
        var total = scores.Sum(s => Math.Exp(s - top));
        var pick = scores.IndexOf(top);
        var tokens = match.Tokens;
        var chosen = candidates[pick];
        var start = tokens[chosen.Start].Start;
        var end = tokens[chosen.End - 1].Start + tokens[chosen.End - 1].Length;
        return new ExtractedSpan(sentence.Passage, new SentenceSpan(sentence.Sentence.Start + start, end - start), chosen.Kind, 1 / total);
    }

    /// <summary>
    /// The span the model ranks first among the sentence's spans of the asked kind (<see cref="AskedKind"/>), leaving
    /// out those made only of the question's own words and those that open with a joining phrase ("من جهته"); null when
    /// the question asks for no kind or the sentence holds none.
    /// </summary>
    public KindCandidate? BestOfKind(ReadQuestion question, SentenceEvidence sentence) => BestOfKind(question, sentence, _model.Value);

    /// <inheritdoc cref="BestOfKind(ReadQuestion, SentenceEvidence)"/>
    public static KindCandidate? BestOfKind(ReadQuestion question, SentenceEvidence sentence, LinearModel model)
    {
        if (AskedKind.Of(question.Type) is not { } kind || !AsksForSpan(question)) return null;
        var match = SentenceMatch.Of(sentence, question);
        var tokens = match.Tokens;
        var typed = match.Spans.Where(s => s.Kind == kind && !TypedSpanFinder.IsFunctionWord(tokens[s.Start].Normalized)
            && Enumerable.Range(s.Start, s.Length).Any(t => !match.IsQuestionToken(t) && TextAnalyzer.AnalyzeToken(tokens[t]) is not null)).ToList();
        if (typed.Count == 0) return null;
        var all = AnswerSpanFeatures.Candidates(question, match);
        var candidates = all.Where(c => typed.Any(t => t.Start == c.Start && t.End == c.End)).ToList();
        if (candidates.Count == 0) return null;
        var scores = candidates.Select(c => model.Score(c.Features)).ToList();
        var top = scores.Max();
        var total = scores.Sum(s => Math.Exp(s - top));
        var allTotal = all.Sum(c => Math.Exp(model.Score(c.Features) - top));
        var chosen = candidates[scores.IndexOf(top)];
        var start = tokens[chosen.Start].Start;
        var end = tokens[chosen.End - 1].Start + tokens[chosen.End - 1].Length;
        // A one-letter preposition or conjunction on the first word ("لموقع", "بمحافظة", "والعبادي") is not the answer's.
        if (HasPrefixLetter(tokens[chosen.Start], question.Entities)) start++;
        var extracted = new ExtractedSpan(sentence.Passage, new SentenceSpan(sentence.Sentence.Start + start, end - start), kind, 1 / total);
        return new KindCandidate(question, sentence, match, chosen, extracted, 1 / total, candidates.Count) { AmongAllSpans = 1 / allTotal };
    }

    private static bool HasPrefixLetter(Token token, EntityLexicon names)
    {
        if (!token.IsArabic) return false;
        var bare = TypedSpanFinder.Bare(token.Normalized);
        return bare != token.Normalized && (SpanWords.OrganizationNouns.Contains(bare) || SpanWords.PlaceNouns.Contains(bare) || SpanWords.Titles.Contains(bare) || names.KindOf(bare) is not null);
    }

    /// <summary>Whether the question asks for a name, a number, a date, a place or an organization (a span an English reader of Arabic gets too).</summary>
    public static bool IsTyped(AnswerType type) => AskedKind.Of(type) is not null;

    /// <summary>Whether the question asks for a span at all: not a yes-or-no question, not a why.</summary>
    public static bool AsksForSpan(ReadQuestion question)
    {
        if (question.Type == AnswerType.Reason) return false;
        var first = Tokenizer.Tokenize(question.Text).FirstOrDefault();
        return first.Normalized is null || !YesNoOpeners.Contains(first.Normalized);
    }
}

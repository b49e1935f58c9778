using System.Text.RegularExpressions;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// Holds a language model's grounded answer to the offline answer's rules: its level is the answerability of the
/// sentence its first citation is tied to (answered, or closest with the closest-passage lead and no bold; a level the
/// offline answerer would refuse at is closest, since the model's claims passed the claim check), and a span it leads
/// with in bold stays bold only when it is of the kind asked.
/// </summary>
public sealed partial class ModelAnswerLevel(AnswerabilityJudge answerability)
{
    /// <summary>The answer at its level, its leading bold kept only when of the asked kind.</summary>
    public Answer Apply(AnswerRequest request, Answer answer)
    {
        if (answer.Citations.Count == 0) return answer;
        var read = answerability.Read(request.Standalone, request.Index);
        // A follow-up asks for what its own words ask, as offline.
        if (request.Previous is not null) read = read with { Type = AnswerTypeDetector.Detect(request.Message) };
        var first = answer.Citations[0];
        var cited = SentenceScorer.Score(request.Index, request.Query, read, request.Hits)
            .FirstOrDefault(e => e.Passage.Id == first.Passage.Id && e.Sentence.Start < first.Sentence.End && first.Sentence.Start < e.Sentence.End)
            ?? new SentenceEvidence(first.Passage, first.Sentence, 0, answer.Evidence, answer.Evidence);
        var probability = answerability.Probability(read, cited);
        if (answerability.Level(read, cited, probability) == AnswerConfidence.Answered)
        {
            return answer with { Text = KindOnlyBold(answer.Text, read), Answerability = probability };
        }

        return answer with
        {
            Text = $"{AnswerTexts.Closest(answer.Language)}\n{Bold().Replace(answer.Text, "$1")}",
            Answerability = probability,
            Confidence = AnswerConfidence.Closest,
        };
    }

    /// <summary>
    /// The text with its leading bold span unbolded unless the span is of the kind the question asks, as recognized in
    /// its line (a name by the role or cue beside it, or as the articles name it).
    /// </summary>
    public static string KindOnlyBold(string text, ReadQuestion read)
    {
        var lead = LeadingBold().Match(text);
        if (!lead.Success) return text;
        var span = lead.Groups[1];
        var unbolded = string.Concat(text.AsSpan(0, span.Index - 2), span.Value, text.AsSpan(lead.Index + lead.Length));
        if (AskedKind.Of(read.Type) is not { } kind) return unbolded;
        var lineEnd = unbolded.IndexOf('\n', StringComparison.Ordinal);
        var line = lineEnd < 0 ? unbolded : unbolded[..lineEnd];
        var tokens = Tokenizer.Tokenize(line);
        var (from, to) = (span.Index - 2, span.Index - 2 + span.Length);
        var inSpan = Enumerable.Range(0, tokens.Count).Where(t => tokens[t].Start >= from && tokens[t].Start + tokens[t].Length <= to).ToList();
        var ofKind = inSpan.Count > 0 && !TypedSpanFinder.IsFunctionWord(tokens[inSpan[0]].Normalized)
            && TypedSpanFinder.Find(line, tokens, read.Entities).Any(s => s.Kind == kind && s.Overlaps(inSpan[0], inSpan[^1] + 1));
        return ofKind ? text : unbolded;
    }

    [GeneratedRegex(@"^\s*\*\*(.+?)\*\*")]
    private static partial Regex LeadingBold();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}

using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// Whether a sentence speaks of the question's thing with another thing in its place: the focus head with a different
/// modifier where the question has one ("وزير الخارجية الفرنسي" asked, "وزير الخارجية الأمريكي" written; "the French
/// minister" asked, "the British minister" written), or the question's name absent while another name of the same
/// kind fills its place. A sentence that merely lacks the modifier says less: it may speak of the same thing in passing.
/// </summary>
public static class FocusConflict
{
    // A token witnesses a question word from half a match up, as elsewhere in answer evidence.
    private const double Witness = 0.5;

    /// <summary>
    /// 1 when the focus head occurs in the sentence, never with all the question's modifiers in its modifier slot (the
    /// words after it in Arabic, before it in English), and at least once with a content word there that is none of the
    /// question's; else 0.
    /// </summary>
    public static double Modifier(IReadOnlyList<QuestionWord> words, SentenceMatch sentence)
    {
        var head = Enumerable.Range(0, words.Count).FirstOrDefault(w => words[w].IsHead, -1);
        var modifiers = Enumerable.Range(0, words.Count).Where(w => words[w].IsFocus && !words[w].IsHead).ToList();
        if (head < 0 || modifiers.Count == 0) return 0;
        var tokens = sentence.Tokens;
        var conflict = false;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (sentence.Matches[head][t] < Witness) continue;
            var slot = Slot(tokens, t, modifiers.Count);
            // The modifier may stand one word further off ("وزير خارجية فرنسا", "minister of foreign affairs").
            var wider = Slot(tokens, t, modifiers.Count + 1);
            if (modifiers.All(m => wider.Any(s => sentence.Matches[m][s] >= Witness))) return 0;
            conflict |= slot.Any(s => IsContent(tokens[s]) && !sentence.IsQuestionToken(s));
        }

        return conflict ? 1 : 0;
    }

    /// <summary>
    /// 1 when a person, place or organization the question names is missing from the sentence while the sentence names
    /// another of that kind which is none of the question's words (and not of the kind the question asks for, which a
    /// sentence that answers holds anyway); else 0.
    /// </summary>
    public static double Entity(IReadOnlyList<QuestionWord> words, IReadOnlyList<TypedSpan> questionSpans, SentenceMatch sentence, AnswerType type)
    {
        var asked = AnswerabilityFeatures.Kinds(type);
        var sentenceSpans = sentence.Spans;
        foreach (var span in questionSpans.Where(s => s.Kind is SpanKind.Person or SpanKind.Place or SpanKind.Organization && !asked.Contains(s.Kind)))
        {
            var named = Enumerable.Range(0, words.Count).Where(w => words[w].Position >= span.Start && words[w].Position < span.End).ToList();
            if (named.Count == 0 || named.Any(w => sentence.Presence(w) >= Witness)) continue;
            if (sentenceSpans.Any(s => s.Kind == span.Kind && !Enumerable.Range(s.Start, s.Length).Any(sentence.IsQuestionToken))) return 1;
        }

        return 0;
    }

    // Arabic writes a noun's modifiers after it (adjectives, the genitive); English before it.
    private static List<int> Slot(IReadOnlyList<Token> tokens, int head, int width) =>
        tokens[head].IsArabic
            ? [.. Enumerable.Range(head + 1, Math.Max(0, Math.Min(width, tokens.Count - head - 1)))]
            : [.. Enumerable.Range(Math.Max(0, head - width), Math.Min(width, head))];

    private static bool IsContent(Token token) =>
        TextAnalyzer.AnalyzeToken(token) is not null && !EnglishStopWords.Contains(token.Normalized) && NumberWords.Value(token.Normalized) is null;
}

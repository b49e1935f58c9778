using NewsQA.Core.Text;

namespace NewsQA.Core.Conversations;

/// <summary>
/// The offline reading of a follow-up ("and what did he say about the withdrawal?", "ومتى حدث ذلك؟"): when a question
/// leans on the previous turn (a pronoun or demonstrative, an opening "and"/"و", "what about"/"ماذا عن", or too few
/// content words to stand alone), the previous answer's named person, place or organization and the previous standalone
/// question are carried along, so that its people and topic reach retrieval.
/// </summary>
public static class FollowUpCondenser
{
    private static readonly HashSet<string> ReferringWords = new(
        [
            "he", "she", "it", "they", "him", "her", "his", "its", "their", "them", "this", "that", "these", "those", "there",
            "ذلك", "هذا", "هذه", "تلك", "هؤلاء", "هولاء", "عنه", "عنها", "عنهم", "منه", "منها", "فيه", "فيها",
            "له", "لها", "لهم", "به", "بها", "قاله", "قالها", "هناك",
        ],
        StringComparer.Ordinal);

    private static readonly string[] OpeningCues = ["and ", "what about", "how about", "و ", "وماذا", "ومتى", "ومن ", "واين", "وكم", "ولماذا", "وهل", "ماذا عن"];

    // A question with fewer content terms than this cannot name its own subject.
    private const int MinStandaloneTerms = 3;

    // The carried context is at most one question long (Retrieval:MaxQuestionChars' default): each follow-up carries
    // the previous standalone question, which carried its own, so without a cap a chain of follow-ups would grow the
    // standalone question (and the memory and work behind it) turn after turn.
    private const int MaxCarriedChars = 2000;

    /// <summary>The standalone form of <paramref name="question"/> given the conversation so far.</summary>
    public static string Condense(string question, Conversation? conversation) =>
        CarriedContext(question, conversation) is { } carried ? $"{question} ({carried})" : question;

    /// <summary>The turn a follow-up would lean on: the last one that answered something (not a source shown, not help).</summary>
    public static ConversationTurn? PreviousTurn(Conversation? conversation) =>
        conversation?.Turns.LastOrDefault(t => t.Answer.Kind is not (Answering.AnswerKind.Source or Answering.AnswerKind.Help));

    /// <summary>
    /// What a follow-up leans on, or null when the question stands alone: the person, place or organization the previous
    /// answer named (what "he", "there", "it" stands for), then the previous standalone question.
    /// </summary>
    public static string? CarriedContext(string question, Conversation? conversation)
    {
        var previous = PreviousTurn(conversation);
        if (previous is null || !LeansOnPrevious(question)) return null;
        var named = previous.Answer.ShortAnswer?.Original ?? previous.Answer.Named;
        var carried = named is null || previous.StandaloneQuestion.Contains(named, StringComparison.Ordinal) ? previous.StandaloneQuestion : $"{named}; {previous.StandaloneQuestion}";
        if (carried.Length <= MaxCarriedChars) return carried;
        return carried[..(char.IsHighSurrogate(carried[MaxCarriedChars - 1]) ? MaxCarriedChars - 1 : MaxCarriedChars)];
    }

    /// <summary>Whether a question refers back rather than standing alone. The copulas هو/هي of "من هو …؟" are not references.</summary>
    public static bool LeansOnPrevious(string question)
    {
        var normalized = ArabicNormalizer.Normalize(question.Trim()).ToLowerInvariant();
        if (OpeningCues.Any(c => normalized.StartsWith(ArabicNormalizer.Normalize(c), StringComparison.Ordinal))) return true;
        var tokens = Tokenizer.Tokenize(question);
        if (tokens.Any(t => ReferringWords.Contains(t.Normalized))) return true;
        return TextAnalyzer.Analyze(question).Distinct().Count() < MinStandaloneTerms;
    }
}

using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// Which sentences compete to lead an answer beyond their score: when the first sentences by score are in both
/// languages, a sentence in the question's own language that shares its words outscores, on words alone, the sentence in
/// the other language that holds the answer ("Who is the US defense secretary?" over an English article on the
/// Pentagon's spokesman and an Arabic one naming the secretary); the answerability model then chooses among them.
/// Sentences of one language keep their order. Training meets the same choice (`newsqa train`).
/// </summary>
public static class LeadingSentence
{
    /// <summary>How many of the best-scored sentences may compete.</summary>
    public const int Depth = 5;

    /// <summary>The sentences that compete to lead, or none when the order by score stands.</summary>
    public static List<SentenceEvidence> Rivals(ReadQuestion question, IReadOnlyList<SentenceEvidence> evidence, double minEvidence)
    {
        var candidates = evidence.Take(Depth).Where(e => e.Coverage >= minEvidence).ToList();
        return candidates.Select(e => AnswerabilityJudge.IsCrossLingual(question, e)).Distinct().Count() < 2 ? [] : candidates;
    }
}

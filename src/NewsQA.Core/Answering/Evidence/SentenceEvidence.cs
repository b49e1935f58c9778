using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>One candidate sentence of a retrieved passage and how well it answers the question.</summary>
public sealed record SentenceEvidence(Passage Passage, SentenceSpan Sentence, int PassageRank, double Coverage, double Score)
{
    public string Text => Passage.Text.Substring(Sentence.Start, Sentence.Length);
}

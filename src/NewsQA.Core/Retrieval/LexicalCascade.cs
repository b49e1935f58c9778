namespace NewsQA.Core.Retrieval;

/// <summary>
/// The lexical legs' two stages (Retrieval:CascadeCandidates, Retrieval:CascadeGramShare): the words, synonym groups
/// and rare character grams (those in at most <paramref name="SelectiveShare"/> of the passages) are read through and
/// pick each leg's best <paramref name="Candidates"/> passages (or k, when more are asked for); the common grams are
/// then read at those candidates only, by skipping, and each leg's top k is taken among them. A candidate's scores are
/// exactly what reading everything gives it; a passage that only common grams would lift into a top k is missed
/// (recall measured in docs/lexical-speed.md). Used only where the first stage finds enough passages (each leg's
/// candidates in full) and skipping saves: when the common grams hold more than <paramref name="MinimumSaving"/> times
/// the lookups the candidates would cost. Small indexes are therefore read through.
/// </summary>
public sealed record LexicalCascade(double SelectiveShare, int Candidates, double MinimumSaving = LexicalCascade.DefaultMinimumSaving)
{
    /// <summary>A lookup in a decoded list costs a few postings' reading (a gallop of a few comparisons).</summary>
    public const double DefaultMinimumSaving = 8;
}

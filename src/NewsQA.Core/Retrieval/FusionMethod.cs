namespace NewsQA.Core.Retrieval;

/// <summary>How the keyword and vector legs are combined.</summary>
public enum FusionMethod
{
    /// <summary>Sum of each leg's scores min-max normalized over its candidates (see <see cref="ScoreFusion"/>).</summary>
    Score,

    /// <summary>Reciprocal rank fusion (see <see cref="ReciprocalRankFusion"/>).</summary>
    ReciprocalRank,
}

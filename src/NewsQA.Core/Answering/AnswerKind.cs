namespace NewsQA.Core.Answering;

/// <summary>What kind of reply an answer is.</summary>
public enum AnswerKind
{
    Factoid,
    Summary,
    Refusal,
    Source,
    Help,

    /// <summary>Dated points from several articles, oldest first ("what's new about …").</summary>
    Timeline,
}

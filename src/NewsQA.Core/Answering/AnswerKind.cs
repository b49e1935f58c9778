namespace NewsQA.Core.Answering;

/// <summary>What kind of reply an answer is.</summary>
public enum AnswerKind
{
    Factoid,
    Summary,
    Refusal,
    Source,
    Help,
}

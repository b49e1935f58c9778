namespace NewsQA.Core.Answering.Questions;

/// <summary>What a factoid question asks for, told by its question word.</summary>
public enum AnswerType
{
    Unknown,
    Person,
    Number,
    Time,
    Place,
    Reason,

    /// <summary>Which movement, group, ministry, outlet: an organization's name.</summary>
    Organization,
}

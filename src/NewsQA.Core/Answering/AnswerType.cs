namespace NewsQA.Core.Answering;

/// <summary>What a factoid question asks for, told by its question word.</summary>
public enum AnswerType
{
    Unknown,
    Person,
    Number,
    Time,
    Place,
    Reason,
}

using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>The one kind of span a short answer to each type of question must be: who → a person, how many → a number, when → a date or time, where → a place, which group → an organization.</summary>
public static class AskedKind
{
    /// <summary>The kind a shown short answer must have, or null when the question asks for none.</summary>
    public static SpanKind? Of(AnswerType type) => type switch
    {
        AnswerType.Person => SpanKind.Person,
        AnswerType.Number => SpanKind.Number,
        AnswerType.Time => SpanKind.Time,
        AnswerType.Place => SpanKind.Place,
        AnswerType.Organization => SpanKind.Organization,
        _ => null,
    };
}

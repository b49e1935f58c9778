namespace NewsQA.Core.Answering.Kinds;

/// <summary>What a stretch of a sentence names: the kinds of short answer a factoid question asks for.</summary>
public enum SpanKind
{
    Person,
    Number,
    Time,
    Place,
    Organization,
}

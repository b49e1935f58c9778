namespace NewsQA.Core.Answering.Payloads;

/// <summary>Where the cited sentence sits in the paragraph text, in UTF-16 characters.</summary>
public sealed record SentencePayload(int Start, int Length);

namespace NewsQA.Core.Answering;

/// <summary>One citation in <see cref="AnswerPayload"/>: the passage and the supporting sentence's span in its text.</summary>
public sealed record CitationPayload(int Marker, string PassageId, string DocumentId, string Title, int Paragraph, string Text, SentencePayload Sentence);

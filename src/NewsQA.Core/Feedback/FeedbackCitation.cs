namespace NewsQA.Core.Feedback;

/// <summary>A citation of the answer feedback is about, kept as it was shown (the passage may change on re-index).</summary>
public sealed record FeedbackCitation(int Marker, string PassageId, string Title, int Paragraph, string Sentence);

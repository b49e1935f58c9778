using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering;

/// <summary>What an answer's marker [n] points to: a passage and the span of the sentence(s) in it that support the claim.</summary>
public sealed record Citation(int Marker, Passage Passage, SentenceSpan Sentence);

using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>A passage with what retrieval needs of it: distinct terms with their counts, length in terms, and its vector.</summary>
public sealed record IndexedPassage(Passage Passage, string[] Terms, int[] Frequencies, int Length, ReadOnlyMemory<float> Vector);

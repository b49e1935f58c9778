using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Indexing;

/// <summary>A passage ready for the index: the passage, and its provider embedding when there is one (else empty).</summary>
public sealed record IndexedPassage(Passage Passage, ReadOnlyMemory<float> Vector);

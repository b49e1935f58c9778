namespace NewsQA.Core.Indexing;

/// <summary>The persisted content of an index: settings and documents. <see cref="PassageIndex"/> is built from it.</summary>
public sealed record IndexSnapshot(IndexSettings Settings, IReadOnlyList<IndexedDocument> Documents);

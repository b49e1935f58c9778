namespace NewsQA.Core.Ingestion;

/// <summary>A file of the corpus that was skipped, and why.</summary>
public sealed record CorpusWarning(string Path, string Reason);

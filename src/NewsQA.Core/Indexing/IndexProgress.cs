namespace NewsQA.Core.Indexing;

/// <summary>Progress of an indexing run: files looked at so far (of a total known up front).</summary>
public readonly record struct IndexProgress(int FilesDone, int FilesTotal, string CurrentFile);

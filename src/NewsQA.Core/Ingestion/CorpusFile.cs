namespace NewsQA.Core.Ingestion;

/// <summary>One readable article file: its document id, path, decoded text and a hash of its bytes.</summary>
public sealed record CorpusFile(string DocumentId, string Path, string Text, string ContentHash)
{
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
}

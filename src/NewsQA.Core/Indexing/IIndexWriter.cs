namespace NewsQA.Core.Indexing;

/// <summary>An index being saved document by document; disposing it uncommitted leaves the previous file as it was.</summary>
public interface IIndexWriter : IDisposable
{
    /// <summary>Writes the next document.</summary>
    void Add(IndexedDocument document);

    /// <summary>Finishes the file and puts it in place atomically; every announced document must have been added.</summary>
    void Commit();
}

namespace NewsQA.Core.Indexing;

/// <summary>Where an index snapshot lives between runs.</summary>
public interface IIndexStore
{
    /// <summary>Loads a snapshot; a missing, corrupt or older-format index comes back as a problem, never an exception.</summary>
    IndexLoadResult Load(string path);

    /// <summary>Saves a snapshot atomically: readers see the old index or the new one, never a torn file.</summary>
    void Save(IndexSnapshot snapshot, string path);

    /// <summary>
    /// Starts saving an index document by document, for corpora too large to hold as one snapshot. Nothing replaces
    /// the file at <paramref name="path"/> until <see cref="IIndexWriter.Commit"/>.
    /// </summary>
    IIndexWriter OpenWriter(string path, IndexSettings settings, int documentCount);
}

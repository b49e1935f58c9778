using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Writes articles into a Lucene index. An article is added, replaced or removed as one block under its document-id
/// term, so a change touches only that article's passages; nothing is visible to a reader opened on the folder until
/// <see cref="Commit"/>. Disposing with articles written since the last commit rolls them back (Lucene's own close
/// would commit them); disposing after a commit waits for the merges that commit started and commits their result, so
/// a folder committed to batch after batch keeps merging its small segments. Safe to call from several threads at once.
/// </summary>
public sealed class PassageIndexWriter : IDisposable
{
    // Larger in-memory segments mean fewer flushed segments to merge later; 64 MB per build keeps indexing memory
    // bounded well under the service's budget.
    private const double RamBufferMegabytes = 64;

    private readonly IndexWriter _writer;
    private readonly IndexSettings _settings;
    private bool _closed;

    // Articles written (or, for a writer that creates, the index emptied) since the last commit. Lucene's own count of
    // uncommitted changes also counts a merge that finished after the commit: rolling that back (as an earlier version
    // did) left every commit's segment unmerged, 120 segments after 120 one-article batches, each question seeking its
    // terms in all of them.
    private volatile bool _written;

    private PassageIndexWriter(IndexWriter writer, IndexSettings settings, bool create)
    {
        _writer = writer;
        _settings = settings;
        _written = create;
    }

    /// <summary>
    /// Opens a writer on <paramref name="directory"/>; <paramref name="create"/> starts from an empty index. Lucene's
    /// default keeps only the last commit; a cluster's indexer passes the policy that keeps published ones too.
    /// </summary>
    public static PassageIndexWriter Open(LuceneDirectory directory, IndexSettings settings, bool create, IndexDeletionPolicy? deletionPolicy = null)
    {
        // Every field is pre-analyzed (TermListStream) or a single token, so the writer's own analyzer is never used.
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new NoAnalyzer())
        {
            OpenMode = create ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = RamBufferMegabytes,
        };
        if (deletionPolicy is not null) config.IndexDeletionPolicy = deletionPolicy;
        try
        {
            return new PassageIndexWriter(new IndexWriter(directory, config), settings, create);
        }
        catch (Lucene.Net.Store.LockObtainFailedException e)
        {
            // One writer per folder at a time.
            throw new IOException(
                $"The index folder {IndexPath(directory)} is being written by another writer (one at a time: a running bot "
                + "applies its corpus folder's changes to its own index itself): give this command another --index, or try again when it is done.", e);
        }
    }

    private static string IndexPath(LuceneDirectory directory) =>
        directory is Lucene.Net.Store.FSDirectory fs ? fs.Directory.FullName : directory.ToString() ?? "?";

    /// <summary>Adds an article that is not in the index yet.</summary>
    public void Add(IndexedDocument article)
    {
        _written = true;
        _writer.AddDocuments(PassageDocuments.Create(article));
    }

    /// <summary>Replaces an article's passages and record (or adds them when it is new).</summary>
    public void Replace(IndexedDocument article)
    {
        _written = true;
        _writer.UpdateDocuments(new Term(IndexFields.DocumentId, article.DocumentId), PassageDocuments.Create(article));
    }

    /// <summary>Removes an article's passages and record.</summary>
    public void Remove(string documentId)
    {
        _written = true;
        _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
    }

    /// <summary>Merges the index down to at most <paramref name="segments"/> segments (waiting for the merges), as Lucene's merges do over time.</summary>
    public void ForceMerge(int segments) => _writer.ForceMerge(segments);

    /// <summary>Makes everything written so far durable and visible, atomically, with the settings in the commit.</summary>
    public void Commit()
    {
        _writer.SetCommitData(_settings.ToCommitData());
        _written = false;
        _writer.Commit();
    }

    /// <summary>A near-real-time snapshot of what is written, committed or not.</summary>
    public PassageIndex OpenSnapshot() => new(DirectoryReader.Open(_writer, applyAllDeletes: true), _settings);

    /// <summary>Discards everything since the last commit and closes the writer.</summary>
    public void Rollback()
    {
        if (_closed) return;
        _closed = true;
        _writer.Rollback();
    }

    public void Dispose()
    {
        if (_closed) return;
        if (_written)
        {
            Rollback();
            return;
        }

        _closed = true;
        _writer.Dispose(waitForMerges: true); // commits the merges the last commit started (or nothing, when none)
    }

    // Lucene requires a default analyzer; a field that would need it is a bug in PassageDocuments, so it says so.
    private sealed class NoAnalyzer : Lucene.Net.Analysis.Analyzer
    {
        protected override Lucene.Net.Analysis.TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            throw new InvalidOperationException($"Field {fieldName} must be added pre-analyzed or as a single token.");
    }
}

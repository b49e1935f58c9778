using System.Net.Http.Headers;
using Lucene.Net.Replicator;
using Lucene.Net.Replicator.Http;
using NewsQA.Core.Indexing;

namespace NewsQA.Core.Cluster;

/// <summary>
/// A replica's read-only index: revisions pulled from the indexer with Lucene's <see cref="ReplicationClient"/> over
/// HTTP into its own index folder. Each pull copies the files the replica lacks into a session folder, checks their
/// lengths, then moves them into the index folder with segments_N last (Lucene's <see cref="IndexReplicationHandler"/>),
/// and only then refreshes the <see cref="LiveIndex"/>: a copy that fails part-way (the indexer killed) leaves the
/// folder and the snapshot answering on the previous revision. The folder starts empty at each start, so it never
/// mixes files of an earlier index with the indexer's; until the first pull there is no index (<see cref="Live"/> null).
/// </summary>
public sealed class IndexReplica : IDisposable
{
    /// <summary>Where the indexer serves replication, under its base URL.</summary>
    public const string EndpointPath = "/internal/replication";

    /// <summary>The one shard the indexer publishes.</summary>
    public const string Shard = "index";

    private readonly IndexFolder _folder;
    private readonly ReplicationClient _client;
    private readonly HttpClient _http;
    private readonly object _updating = new();
    private readonly Indexing.Vectors.VectorIndexSettings? _vectors;
    private readonly Indexing.Vectors.IGraphSource? _graphs;
    private LiveIndex? _live;

    /// <param name="indexPath">The replica's own index folder (emptied of Lucene's files at start).</param>
    /// <param name="indexerUrl">The indexer's base URL (Cluster:IndexerUrl).</param>
    /// <param name="secret">Cluster:Secret, sent as the bearer of every replication request.</param>
    /// <param name="vectors">
    /// How the pulled segments' vector files are built (null when no embedding model is configured): given, each new
    /// segment's matrix and graph are warmed as its revision lands, before a question can lease it, as on the indexer.
    /// </param>
    /// <param name="graphs">Where a new segment's graph is asked for before it is built here (<see cref="IndexerGraphs"/>).</param>
    public IndexReplica(string indexPath, Uri indexerUrl, string secret, Indexing.Vectors.VectorIndexSettings? vectors = null, Indexing.Vectors.IGraphSource? graphs = null)
    {
        _vectors = vectors;
        _graphs = graphs;
        ClearFolder(indexPath);
        _folder = IndexFolder.Open(indexPath);
        _http = new HttpClient();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var url = Under(indexerUrl, $"{EndpointPath}/{Shard}");
        var handler = new CheckedCopy(new IndexReplicationHandler(_folder.Directory, OnRevisionReady));
        _client = new ReplicationClient(new HttpReplicator(url, _http), handler, new PerSessionDirectoryFactory(Path.Combine(indexPath, "incoming")));
    }

    /// <summary>The index answering from the last revision pulled; null until the first.</summary>
    public LiveIndex? Live => Volatile.Read(ref _live);

    /// <summary>
    /// Asks the indexer for a newer revision and pulls it (blocking: the replicator's client is synchronous); true when
    /// a new revision is now answering. Throws when the indexer cannot be reached or the copy fails.
    /// </summary>
    public bool Update()
    {
        lock (_updating)
        {
            var before = Live?.Acquire();
            try
            {
                var generation = before?.Index.Generation;
                _client.UpdateNow();
                using var after = Live?.Acquire();
                return after is not null && after.Index.Generation != generation;
            }
            finally
            {
                before?.Dispose();
            }
        }
    }

    /// <summary>The address of <paramref name="path"/> (from the root) under the indexer's base URL, which may have a path of its own.</summary>
    internal static string Under(Uri indexerUrl, string path) => $"{indexerUrl.GetLeftPart(UriPartial.Authority)}{indexerUrl.AbsolutePath.TrimEnd('/')}{path}";

    // Called by the handler once the revision's files are in the folder and segments_N is written and synced.
    private void OnRevisionReady()
    {
        if (_live is null) Volatile.Write(ref _live, new LiveIndex(_folder, _folder.OpenSnapshot(), _vectors, _graphs));
        else _live.Refresh();
    }

    // Lucene's files and the incoming copies of an earlier run; anything else in the folder (vectors/) is left alone:
    // files derived per segment are named after the segment and its write time, so stale ones are never read.
    private static void ClearFolder(string path)
    {
        if (!Directory.Exists(path)) return;
        using (var folder = IndexFolder.Open(path)) folder.ClearDamaged();
        var incoming = Path.Combine(path, "incoming");
        if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        if (_live is { } live) live.Dispose();
        else _folder.Dispose();
    }

    // The replicator's client copies until the response ends and does not check lengths: a body cut short by a dying
    // indexer could otherwise pass as a whole file. Each copied file must have its revision's length.
    private sealed class CheckedCopy(IndexReplicationHandler inner) : IReplicationHandler
    {
        public string CurrentVersion => inner.CurrentVersion;

        public IDictionary<string, IList<RevisionFile>> CurrentRevisionFiles => inner.CurrentRevisionFiles;

        public void RevisionReady(
            string version,
            IDictionary<string, IList<RevisionFile>> revisionFiles,
            IDictionary<string, IList<string>> copiedFiles,
            IDictionary<string, Lucene.Net.Store.Directory> sourceDirectory)
        {
            foreach (var (source, files) in revisionFiles)
            {
                var copied = copiedFiles.TryGetValue(source, out var names) ? names.ToHashSet(StringComparer.Ordinal) : [];
                foreach (var file in files.Where(f => copied.Contains(f.FileName)))
                {
                    var length = sourceDirectory[source].FileLength(file.FileName);
                    if (length != file.Length) throw new IOException($"replicated file {file.FileName} has {length} bytes of {file.Length}: the copy was cut short");
                }
            }

            inner.RevisionReady(version, revisionFiles, copiedFiles, sourceDirectory);
        }
    }
}

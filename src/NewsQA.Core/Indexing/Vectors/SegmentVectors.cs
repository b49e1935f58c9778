using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// The vector index of one Lucene segment, derived from the vectors the segment stores and so never out of step with
/// it: segments are written once, so a segment's vectors never change, a merged segment gets its own from its stored
/// vectors (no provider call), and deletions are the reader's live documents, checked at search. Its files in the index
/// folder's vectors/ subfolder (<see cref="VectorFiles"/>) are named after the segment and its write time, and deleted
/// once the segment is merged away. Below the switch point a segment is scanned exactly; from it, an HNSW graph is
/// opened, or fetched from the process's <see cref="IGraphSource"/> (a replica's indexer) or built in the background (one
/// build at a time, on every core) while the exact scan answers.
/// </summary>
internal sealed class SegmentVectors : IDisposable
{
    private static readonly ConcurrentDictionary<(int ExactBelow, VectorQuantization Quantization), PerSegment<SegmentVectors>> Tables = new();
    // One graph build at a time, each on every core (internal: a test holds it to see the exact scan answer meanwhile).
    internal static readonly SemaphoreSlim Builders = new(1);

    private readonly CancellationTokenSource _closed = new();
    private readonly string? _stamp;
    private readonly string? _graphPath;
    private readonly VectorQuantization _quantization;
    private volatile VectorGraph? _graph;
    private volatile Task _built = Task.CompletedTask;

    private SegmentVectors(AtomicReader reader, VectorIndexSettings settings)
    {
        Present = reader.GetDocsWithField(IndexFields.Vector);
        var dimensions = DimensionsOf(reader);
        _stamp = VectorFiles.Stamp(reader, dimensions);
        if (_stamp is not null) VectorFiles.Hold(_stamp);
        Matrix = VectorMatrix.Of(reader, dimensions, _stamp is null ? null : _stamp + ".f32");
        Count = Matrix.VectorCount;
        if (Count < settings.ExactBelow || Count == 0) return;
        _quantization = settings.Quantization;
        _graphPath = _stamp is null ? null : GraphFileName.Of(_stamp, settings.Quantization);
        _graph = _graphPath is null ? null : VectorGraph.TryOpen(_graphPath, Count, dimensions);
        NeedsGraph = _graph is null;
    }

    /// <summary>The packed vectors of the documents that have one, read by document number.</summary>
    public VectorMatrix Matrix { get; }

    /// <summary>Documents that carry a vector.</summary>
    public int Count { get; }

    private IBits? Present { get; }

    private bool NeedsGraph { get; }

    /// <summary>The segment's graph, or null while it is built or when the segment is below the switch point.</summary>
    public VectorGraph? Graph => _graph;

    /// <summary>The background build, when one was started (completed once the graph serves).</summary>
    public Task Built => _built;

    /// <summary>Whether document <paramref name="doc"/> of the segment carries a vector.</summary>
    public bool Has(int doc) => Present is not null && Present.Get(doc);

    /// <summary>
    /// The vectors of <paramref name="reader"/>'s segment, for these settings: opened once per segment (a second caller
    /// waits for the first rather than read the segment's vectors again), its graph asked of <paramref name="graphs"/>
    /// and else built when it has none. The first caller chooses the source: <see cref="LiveIndex"/> warms every segment
    /// of a snapshot, with its source, before a question can read it.
    /// </summary>
    public static SegmentVectors Of(AtomicReader reader, VectorIndexSettings settings, IGraphSource? graphs = null)
    {
        var table = Tables.GetOrAdd((settings.ExactBelow, settings.Quantization), _ => PerSegment<SegmentVectors>.ByCore(r => new SegmentVectors(r, settings)));
        if (table.Holds(reader)) return table.Of(reader);
        lock (table)
        {
            if (table.Holds(reader)) return table.Of(reader);
            var opened = table.Of(reader);
            if (opened.NeedsGraph) opened._built = opened.BuildAsync(graphs ?? IGraphSource.None);
            return opened;
        }
    }

    // Every vector of an index has the same length (its settings' dimensions): the first one tells.
    private int DimensionsOf(AtomicReader reader)
    {
        var vectors = reader.GetBinaryDocValues(IndexFields.Vector);
        if (vectors is null) return 0;
        var bytes = new BytesRef();
        for (var d = 0; d < reader.MaxDoc; d++)
        {
            if (!Has(d)) continue;
            vectors.Get(d, bytes);
            return bytes.Length / sizeof(float);
        }

        return 0;
    }

    // A source's file is checked as a file found on disk is (VectorGraph.TryOpen); while the source has none (the indexer
    // may still be building it), it is asked again after each of its waits, and once more when this build's turn comes
    // after others (the source may have finished it meanwhile); only then is the graph built here.
    private async Task BuildAsync(IGraphSource graphs)
    {
        var token = _closed.Token;
        foreach (var wait in graphs.Retries.Prepend(TimeSpan.Zero))
        {
            await Task.Delay(wait, token).ConfigureAwait(false);
            if (await FetchedAsync(graphs, token).ConfigureAwait(false)) return;
        }

        var queued = !Builders.Wait(0, CancellationToken.None);
        if (queued) await Builders.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (queued && await FetchedAsync(graphs, token).ConfigureAwait(false)) return;
            _graph = await Task.Run(() => VectorGraph.Build(Matrix, Has, _quantization, _graphPath, Environment.ProcessorCount, token), token).ConfigureAwait(false);
        }
        finally
        {
            Builders.Release();
        }
    }

    private async Task<bool> FetchedAsync(IGraphSource graphs, CancellationToken cancellationToken)
    {
        if (_graphPath is null || !await graphs.TryFetchAsync(Path.GetFileName(_graphPath), _graphPath, cancellationToken).ConfigureAwait(false)) return false;
        _graph = VectorGraph.TryOpen(_graphPath, Count, Matrix.Dimensions);
        return _graph is not null;
    }

    /// <summary>
    /// Called when Lucene closes the segment's core (no snapshot reads it): a build still running stops at its next
    /// rows, then the files are unmapped, and deleted when the folder's latest commit no longer holds the segment.
    /// </summary>
    public void Dispose()
    {
        _closed.Cancel();
        Built.ContinueWith(_ =>
        {
            _graph?.Dispose();
            Matrix.Dispose();
            _closed.Dispose();
            if (_stamp is not null) VectorFiles.Release(_stamp);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

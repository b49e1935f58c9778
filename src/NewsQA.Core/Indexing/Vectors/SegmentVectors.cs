using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// The vector index of one Lucene segment, derived from the vectors the segment stores and so never out of step with
/// it: segments are written once, so a segment's vectors never change, a merged segment gets its own from its stored
/// vectors (no provider call), and deletions are the reader's live documents, checked at search. Its files in the index
/// folder's vectors/ subfolder are named after the segment and its write time (its generation stamp). Below the switch
/// point a segment is scanned exactly; from it, an HNSW graph is opened, or built in the background (segments' builds
/// in parallel, one per core) while the exact scan answers.
/// </summary>
internal sealed class SegmentVectors : IDisposable
{
    private static readonly ConcurrentDictionary<(int ExactBelow, VectorQuantization Quantization), PerSegment<SegmentVectors>> Tables = new();
    private static readonly SemaphoreSlim Builders = new(Environment.ProcessorCount);

    private readonly CancellationTokenSource _closed = new();
    private volatile VectorGraph? _graph;

    private SegmentVectors(AtomicReader reader, VectorIndexSettings settings)
    {
        Present = reader.GetDocsWithField(IndexFields.Vector);
        var dimensions = DimensionsOf(reader);
        var stamp = Stamp(reader, dimensions);
        Matrix = VectorMatrix.Of(reader, dimensions, stamp is null ? null : stamp + ".f32");
        for (var d = 0; d < reader.MaxDoc; d++) Count += Has(d) ? 1 : 0;
        if (Count < settings.ExactBelow || Count == 0) return;
        var graphPath = stamp is null ? null : $"{stamp}-{settings.Quantization.ToString().ToLowerInvariant()}.usearch";
        _graph = graphPath is null ? null : VectorGraph.TryOpen(graphPath, Count, dimensions);
        if (_graph is null) Built = BuildAsync(settings.Quantization, graphPath);
    }

    /// <summary>The packed vectors, row = document of the segment.</summary>
    public VectorMatrix Matrix { get; }

    /// <summary>Documents that carry a vector.</summary>
    public int Count { get; }

    private IBits? Present { get; }

    /// <summary>The segment's graph, or null while it is built or when the segment is below the switch point.</summary>
    public VectorGraph? Graph => _graph;

    /// <summary>The background build, when one was started (completed once the graph serves).</summary>
    public Task Built { get; } = Task.CompletedTask;

    /// <summary>Whether document <paramref name="doc"/> of the segment carries a vector.</summary>
    public bool Has(int doc) => Present is not null && Present.Get(doc);

    /// <summary>The vectors of <paramref name="reader"/>'s segment, for these settings.</summary>
    public static SegmentVectors Of(AtomicReader reader, VectorIndexSettings settings) =>
        Tables.GetOrAdd((settings.ExactBelow, settings.Quantization), _ => PerSegment<SegmentVectors>.ByCore(r => new SegmentVectors(r, settings)))
            .Of(reader);

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

    private async Task BuildAsync(VectorQuantization quantization, string? path)
    {
        var token = _closed.Token;
        await Builders.WaitAsync(token).ConfigureAwait(false);
        try
        {
            _graph = await Task.Run(() => VectorGraph.Build(Matrix, Has, quantization, path, token), token).ConfigureAwait(false);
        }
        finally
        {
            Builders.Release();
        }
    }

    // <folder>/vectors/<segment>-<write time>-<documents>-<dimensions>, or null for an index that is not in a folder.
    private static string? Stamp(AtomicReader reader, int dimensions)
    {
        if (reader is not SegmentReader segment || segment.Directory is not FSDirectory folder) return null;
        var info = segment.SegmentInfo.Info;
        var written = info.Diagnostics is { } diagnostics && diagnostics.TryGetValue("timestamp", out var t) ? new string([.. t.Where(char.IsAsciiDigit)]) : "0";
        var vectors = Path.Combine(folder.Directory.FullName, "vectors");
        System.IO.Directory.CreateDirectory(vectors);
        return Path.Combine(vectors, string.Create(CultureInfo.InvariantCulture, $"{info.Name}-{written}-{reader.MaxDoc}-{dimensions}"));
    }

    /// <summary>Called when Lucene closes the segment's core (no snapshot reads it): a build still running stops at its next chunk, then the files are unmapped.</summary>
    public void Dispose()
    {
        _closed.Cancel();
        Built.ContinueWith(_ =>
        {
            _graph?.Dispose();
            Matrix.Dispose();
            _closed.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

using System.Buffers;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// One float per passage, rented from the shared pool and zeroed, for accumulating a query's scores. A query over a
/// large index would otherwise allocate (and the collector later sweep) megabytes per call.
/// </summary>
public sealed class ScoreBuffer : IDisposable
{
    private float[]? _scores;

    public ScoreBuffer(int passages)
    {
        Length = passages;
        _scores = ArrayPool<float>.Shared.Rent(Math.Max(passages, 1));
        Array.Clear(_scores, 0, passages);
    }

    public int Length { get; }

    /// <summary>The scores; only the first <see cref="Length"/> belong to this query.</summary>
    public float[] Scores => _scores ?? throw new ObjectDisposedException(nameof(ScoreBuffer));

    public Span<float> Span => Scores.AsSpan(0, Length);

    public void Dispose()
    {
        if (_scores is null) return;
        ArrayPool<float>.Shared.Return(_scores);
        _scores = null;
    }
}

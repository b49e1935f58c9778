using System.IO.MemoryMappedFiles;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using NewsQA.Core.Retrieval;

namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>
/// `exact-matrix`: every vector in one memory-mapped f32 matrix file, each query scored against every row with
/// System.Numerics.Tensors' SIMD dot product and the product's top-k selection. Exact; nothing but the rows on disk.
/// </summary>
public sealed unsafe class ExactMatrixEngine(int dimensions) : IVectorEngine
{
    private const string FileName = "vectors.f32";
    private MemoryMappedFile? _file;
    private MemoryMappedViewAccessor? _view;
    private byte* _rows;
    private int _count;

    public void Build(IEnumerable<float[][]> chunks, string folder)
    {
        using var stream = new FileStream(Path.Combine(folder, FileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        foreach (var chunk in chunks)
        {
            foreach (var vector in chunk) stream.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        stream.Flush(flushToDisk: true);
    }

    public void Open(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var length = new FileInfo(path).Length;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _rows);
        _rows += _view.PointerOffset;
        _count = checked((int)(length / (sizeof(float) * dimensions)));
    }

    public int[] Search(float[] query, int k)
    {
        using var buffer = new ScoreBuffer(_count);
        var scores = buffer.Span;
        var rows = (float*)_rows;
        for (var i = 0; i < scores.Length; i++) scores[i] = TensorPrimitives.Dot(new ReadOnlySpan<float>(rows + ((long)i * dimensions), dimensions), query);
        return [.. TopSelector.Select(scores, k).Select(s => s.PassageNumber)];
    }

    public void Dispose()
    {
        if (_view is not null && _rows is not null) _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view?.Dispose();
        _file?.Dispose();
    }
}

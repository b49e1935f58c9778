using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// A segment's vectors packed row by row (row = the segment's document number, zeros where a document has none), read
/// once from Lucene's stored vectors into a file beside the index and memory-mapped from it, so an exact scan reads the
/// rows in place instead of copying each out of the doc values, and a restart does not read the doc values again.
/// A file whose header does not match the segment is rewritten. Without a folder (an in-memory index) the rows live in
/// an array.
/// </summary>
internal sealed unsafe class VectorMatrix : IDisposable
{
    private const long Magic = 0x3130304D5651454E; // "NEQVM001"
    private const int HeaderBytes = 16;

    private readonly float[]? _rows;
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly float* _mapped;

    private VectorMatrix(int rows, int dimensions, float[]? array, MemoryMappedFile? file, MemoryMappedViewAccessor? view)
    {
        Rows = rows;
        Dimensions = dimensions;
        _rows = array;
        _file = file;
        _view = view;
        if (view is null) return;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _mapped = (float*)(start + view.PointerOffset + HeaderBytes);
    }

    public int Rows { get; }

    public int Dimensions { get; }

    /// <summary>The vector of one document of the segment (zeros when it has none).</summary>
    public ReadOnlySpan<float> Row(int doc) =>
        _rows is not null ? _rows.AsSpan(doc * Dimensions, Dimensions) : new ReadOnlySpan<float>(_mapped + ((long)doc * Dimensions), Dimensions);

    /// <summary>The matrix of <paramref name="reader"/>'s vectors: mapped from <paramref name="path"/> (written first when missing or stale), or in memory without one.</summary>
    public static VectorMatrix Of(AtomicReader reader, int dimensions, string? path)
    {
        if (path is null) return new VectorMatrix(reader.MaxDoc, dimensions, Read(reader, dimensions), null, null);
        if (!Matches(path, reader.MaxDoc, dimensions)) Write(path, reader, dimensions);
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        return new VectorMatrix(reader.MaxDoc, dimensions, null, file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read));
    }

    private static float[] Read(AtomicReader reader, int dimensions)
    {
        var rows = new float[(long)reader.MaxDoc * dimensions];
        var vectors = reader.GetBinaryDocValues(IndexFields.Vector);
        var present = reader.GetDocsWithField(IndexFields.Vector);
        if (vectors is null || present is null) return rows;
        var bytes = new BytesRef();
        for (var d = 0; d < reader.MaxDoc; d++)
        {
            if (!present.Get(d)) continue;
            vectors.Get(d, bytes);
            var vector = MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            if (vector.Length == dimensions) vector.CopyTo(rows.AsSpan(d * dimensions, dimensions));
        }

        return rows;
    }

    private static bool Matches(string path, int rows, int dimensions)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != HeaderBytes + (4L * rows * dimensions)) return false;
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[HeaderBytes];
        stream.ReadExactly(header);
        return BitConverter.ToInt64(header) == Magic && BitConverter.ToInt32(header[8..]) == rows && BitConverter.ToInt32(header[12..]) == dimensions;
    }

    // Written to a temporary name and renamed: a build killed part-way leaves no file that looks whole.
    private static void Write(string path, AtomicReader reader, int dimensions)
    {
        var rows = Read(reader, dimensions);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            BitConverter.TryWriteBytes(header, Magic);
            BitConverter.TryWriteBytes(header[8..], reader.MaxDoc);
            BitConverter.TryWriteBytes(header[12..], dimensions);
            stream.Write(header);
            stream.Write(MemoryMarshal.AsBytes(rows.AsSpan()));
        }

        File.Move(temporary, path, overwrite: true);
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }
}

using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// A segment's vectors packed row by row (one row per document that has a vector, in document order; an article's
/// record document has none), read once from Lucene's stored vectors into a file beside the index and memory-mapped
/// from it, so an exact scan reads the rows in place instead of copying each out of the doc values, and a restart does
/// not read the doc values again. The file ends with each row's document number, from which the document-to-row map is
/// rebuilt at open. A file whose header or length does not match the segment is rewritten. Without a folder (an
/// in-memory index) the rows live in an array.
/// </summary>
internal sealed unsafe class VectorMatrix : IDisposable
{
    // Format 2: only documents with a vector have a row (format 1, "NEQVM001", had one per document, zeros for the
    // rest: twice the bytes for one-passage articles); a format-1 file has another magic and is rewritten.
    private const long Magic = 0x3230304D5651454E; // "NEQVM002"
    private const int HeaderBytes = 20;

    private readonly float[]? _rows;
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly float* _mapped;
    private readonly int[] _rowOf;
    private readonly float[] _zeros;

    private VectorMatrix(int[] docs, int maxDoc, int dimensions, float[]? array, MemoryMappedFile? file, MemoryMappedViewAccessor? view)
    {
        _rowOf = RowOf(docs, maxDoc);
        VectorCount = docs.Length;
        _zeros = new float[dimensions];
        Dimensions = dimensions;
        _rows = array;
        _file = file;
        _view = view;
        if (view is null) return;
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        _mapped = (float*)(start + view.PointerOffset + HeaderBytes);
    }

    /// <summary>Documents of the segment (row numbers run over the ones with a vector).</summary>
    public int Rows => _rowOf.Length;

    /// <summary>Documents of the segment that have a vector: the matrix's rows.</summary>
    public int VectorCount { get; }

    public int Dimensions { get; }

    /// <summary>The vector of one document of the segment (zeros when it has none).</summary>
    public ReadOnlySpan<float> Row(int doc)
    {
        var row = _rowOf[doc];
        if (row < 0) return _zeros;
        return _rows is not null ? _rows.AsSpan(row * Dimensions, Dimensions) : new ReadOnlySpan<float>(_mapped + ((long)row * Dimensions), Dimensions);
    }

    /// <summary>The matrix of <paramref name="reader"/>'s vectors: mapped from <paramref name="path"/> (written first when missing or stale), or in memory without one.</summary>
    public static VectorMatrix Of(AtomicReader reader, int dimensions, string? path)
    {
        var docs = DocsWithVectors(reader);
        if (path is null) return new VectorMatrix(docs, reader.MaxDoc, dimensions, Read(reader, docs, dimensions), null, null);
        if (!Matches(path, docs, reader.MaxDoc, dimensions)) Write(path, reader, docs, dimensions);
        var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        return new VectorMatrix(docs, reader.MaxDoc, dimensions, null, file, file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read));
    }

    private static int[] DocsWithVectors(AtomicReader reader)
    {
        var present = reader.GetDocsWithField(IndexFields.Vector);
        var docs = new List<int>();
        for (var d = 0; present is not null && d < reader.MaxDoc; d++)
        {
            if (present.Get(d)) docs.Add(d);
        }

        return [.. docs];
    }

    private static int[] RowOf(int[] docs, int maxDoc)
    {
        var rowOf = new int[maxDoc];
        Array.Fill(rowOf, -1);
        for (var r = 0; r < docs.Length; r++) rowOf[docs[r]] = r;
        return rowOf;
    }

    private static float[] Read(AtomicReader reader, int[] docs, int dimensions)
    {
        var rows = new float[(long)docs.Length * dimensions];
        var r = 0;
        ForEachVector(reader, docs, dimensions, vector => vector.CopyTo(rows.AsSpan(r++ * dimensions, dimensions)));
        return rows;
    }

    // Each stored vector in document order; one of another length (never written by this index's settings) reads as zeros.
    private static void ForEachVector(AtomicReader reader, int[] docs, int dimensions, SpanAction action)
    {
        var vectors = reader.GetBinaryDocValues(IndexFields.Vector);
        var bytes = new BytesRef();
        Span<float> zeros = new float[dimensions];
        foreach (var d in docs)
        {
            vectors!.Get(d, bytes);
            var vector = MemoryMarshal.Cast<byte, float>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            action(vector.Length == dimensions ? vector : zeros);
        }
    }

    private delegate void SpanAction(ReadOnlySpan<float> vector);

    private static long Length(int rows, int dimensions) => HeaderBytes + (4L * rows * dimensions) + (4L * rows);

    private static bool Matches(string path, int[] docs, int maxDoc, int dimensions)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != Length(docs.Length, dimensions)) return false;
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[HeaderBytes];
        stream.ReadExactly(header);
        if (BitConverter.ToInt64(header) != Magic || BitConverter.ToInt32(header[8..]) != docs.Length
            || BitConverter.ToInt32(header[12..]) != dimensions || BitConverter.ToInt32(header[16..]) != maxDoc) return false;
        stream.Seek(Length(docs.Length, dimensions) - (4L * docs.Length), SeekOrigin.Begin);
        var written = new int[docs.Length];
        stream.ReadExactly(MemoryMarshal.AsBytes(written.AsSpan()));
        return written.AsSpan().SequenceEqual(docs);
    }

    // Streamed row by row (a large merged segment's matrix is gigabytes: no copy of it in memory), to a temporary name
    // then renamed: a build killed part-way leaves no file that looks whole.
    private static void Write(string path, AtomicReader reader, int[] docs, int dimensions)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            BitConverter.TryWriteBytes(header, Magic);
            BitConverter.TryWriteBytes(header[8..], docs.Length);
            BitConverter.TryWriteBytes(header[12..], dimensions);
            BitConverter.TryWriteBytes(header[16..], reader.MaxDoc);
            stream.Write(header);
            ForEachVector(reader, docs, dimensions, vector => stream.Write(MemoryMarshal.AsBytes(vector)));
            stream.Write(MemoryMarshal.AsBytes(docs.AsSpan()));
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

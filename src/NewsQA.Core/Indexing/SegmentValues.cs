using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// A segment's per-passage doc values (exact lengths, vector norms) as arrays, read once per segment and shared by
/// every snapshot that contains it: after an update, a refreshed snapshot reads only the new segment's values.
/// </summary>
internal sealed class SegmentValues
{
    /// <summary>The values of each segment core.</summary>
    internal static readonly PerSegment<SegmentValues> Table = PerSegment<SegmentValues>.ByCore(reader => new SegmentValues(reader));

    private SegmentValues(AtomicReader reader)
    {
        WordLengths = ReadInts(reader, IndexFields.WordLength);
        GramLengths = ReadInts(reader, IndexFields.GramLength);
        VectorNorms = [.. ReadInts(reader, IndexFields.VectorNorm).Select(BitConverter.Int32BitsToSingle)];
    }

    public int[] WordLengths { get; }

    public int[] GramLengths { get; }

    public float[] VectorNorms { get; }

    /// <summary>The values of a segment, keyed by its core (shared across snapshots while the segment lives).</summary>
    public static SegmentValues Of(AtomicReader reader) => Table.Of(reader);

    private static int[] ReadInts(AtomicReader reader, string field)
    {
        var values = new int[reader.MaxDoc];
        var docValues = reader.GetNumericDocValues(field);
        if (docValues is null) return values;
        for (var d = 0; d < values.Length; d++) values[d] = (int)docValues.Get(d);
        return values;
    }
}

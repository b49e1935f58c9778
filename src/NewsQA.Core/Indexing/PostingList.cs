namespace NewsQA.Core.Indexing;

/// <summary>
/// A compressed list of (passage number, payload) entries in ascending passage order: each entry is the gap from the
/// previous passage number as a variable-length integer (7 bits a byte), then the payload: one byte for term postings
/// (the term frequency), two for the by-dimension vector entries (a quantized value). Gaps in a list of a large corpus
/// are mostly under 128, so a posting takes about two bytes instead of the eight of two ints. A list is written and
/// read with one payload width throughout.
/// </summary>
public readonly struct PostingList
{
    private readonly byte[][]? _blocks;
    private readonly int[]? _lengths;

    internal PostingList(byte[][] blocks, int[] lengths, int count)
    {
        _blocks = blocks;
        _lengths = lengths;
        Count = count;
    }

    /// <summary>Number of entries (for a term: its document frequency).</summary>
    public int Count { get; }

    /// <summary>Bytes the entries occupy.</summary>
    public long ByteLength => _lengths?.Sum(l => (long)l) ?? 0;

    public PostingReader GetReader() => new(_blocks ?? [], _lengths ?? []);
}

using System.Runtime.CompilerServices;

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

/// <summary>Reads a <see cref="PostingList"/> front to back.</summary>
public ref struct PostingReader
{
    private readonly byte[][] _blocks;
    private readonly int[] _lengths;
    private int _block;
    private ReadOnlySpan<byte> _bytes;
    private int _position;
    private int _passage = -1;

    internal PostingReader(byte[][] blocks, int[] lengths)
    {
        _blocks = blocks;
        _lengths = lengths;
        _bytes = blocks.Length > 0 ? blocks[0].AsSpan(0, lengths[0]) : [];
    }

    /// <summary>Moves to the next entry of a one-byte-payload list; false at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out int passage, out byte payload)
    {
        if (!NextPassage(out passage))
        {
            payload = 0;
            return false;
        }

        payload = _bytes[_position++];
        return true;
    }

    /// <summary>Moves to the next entry of a two-byte-payload list; false at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextWide(out int passage, out short payload)
    {
        if (!NextPassage(out passage))
        {
            payload = 0;
            return false;
        }

        payload = (short)(_bytes[_position] | (_bytes[_position + 1] << 8));
        _position += 2;
        return true;
    }

    // Inlined into the scoring loops; most gaps fit one byte, so the longer form is kept out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NextPassage(out int passage)
    {
        // Entries never straddle blocks, so a block's end is an entry's end.
        if (_position >= _bytes.Length && !NextBlock())
        {
            passage = 0;
            return false;
        }

        int first = _bytes[_position++];
        _passage += first < 0x80 ? first : LongGap(first);
        passage = _passage;
        return true;
    }

    private int LongGap(int first)
    {
        int gap = first & 0x7F, shift = 7;
        byte b;
        do
        {
            b = _bytes[_position++];
            gap |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        return gap;
    }

    private bool NextBlock()
    {
        while (++_block < _blocks.Length)
        {
            _bytes = _blocks[_block].AsSpan(0, _lengths[_block]);
            _position = 0;
            if (_bytes.Length > 0) return true;
        }

        return false;
    }
}

/// <summary>
/// Appends entries to a posting list under construction; passages must come in ascending order. The list grows by
/// adding blocks (doubling up to 64 KB, then 64 KB each) rather than by copying into ever larger arrays: a million
/// passages' lists would otherwise leave their outgrown copies on the large-object heap, doubling peak memory.
/// </summary>
public sealed class PostingListBuilder
{
    private const int FirstBlock = 16;
    private const int MaxBlock = 1 << 16;

    // Room for the longest entry: a five-byte gap and a two-byte payload.
    private const int MaxEntry = 7;

    private readonly List<byte[]> _blocks = [new byte[FirstBlock]];
    private readonly List<int> _lengths = [0];
    private byte[] _current;
    private int _length;
    private int _last = -1;

    public PostingListBuilder() => _current = _blocks[0];

    public int Count { get; private set; }

    public void Add(int passage, byte payload)
    {
        AddPassage(passage);
        _current[_length++] = payload;
    }

    public void Add(int passage, short payload)
    {
        AddPassage(passage);
        _current[_length++] = (byte)payload;
        _current[_length++] = (byte)(payload >> 8);
    }

    // Writes the gap, in a block with room for the whole entry.
    private void AddPassage(int passage)
    {
        if (passage <= _last) throw new InvalidOperationException($"Passage {passage} added after {_last}: posting lists are built in passage order.");
        var gap = (uint)(passage - _last);
        _last = passage;
        if (_length + MaxEntry > _current.Length)
        {
            _lengths[^1] = _length;
            _current = new byte[Math.Min(_current.Length * 2, MaxBlock)];
            _blocks.Add(_current);
            _lengths.Add(0);
            _length = 0;
        }

        while (gap >= 0x80)
        {
            _current[_length++] = (byte)(gap | 0x80);
            gap >>= 7;
        }

        _current[_length++] = (byte)gap;
        Count++;
    }

    /// <summary>The finished list; only its last block is trimmed to length.</summary>
    public PostingList Build()
    {
        _lengths[^1] = _length;
        _blocks[^1] = _blocks[^1].AsSpan(0, _length).ToArray();
        return new PostingList([.. _blocks], [.. _lengths], Count);
    }
}

namespace NewsQA.Core.Indexing;

/// <summary>
/// A compressed list of (passage number, payload) entries in ascending passage order: each entry is the gap from the
/// previous passage number as a variable-length integer (7 bits a byte), then the payload: one byte for term postings
/// (the term frequency), two for the by-dimension vector entries (a quantized value). Gaps in a list of a large corpus
/// are mostly under 128, so a posting takes about two bytes instead of the eight of two ints. A list is written and
/// read with one payload width throughout.
/// </summary>
public readonly struct PostingList(byte[] bytes, int count)
{
    private readonly byte[] _bytes = bytes;

    /// <summary>Number of entries (for a term: its document frequency).</summary>
    public int Count { get; } = count;

    /// <summary>Bytes the list occupies.</summary>
    public int ByteLength => _bytes?.Length ?? 0;

    public PostingReader GetReader() => new(_bytes ?? []);
}

/// <summary>Reads a <see cref="PostingList"/> front to back.</summary>
public ref struct PostingReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;
    private int _passage = -1;

    /// <summary>Moves to the next entry of a one-byte-payload list; false at the end.</summary>
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

    private bool NextPassage(out int passage)
    {
        if (_position >= _bytes.Length)
        {
            passage = 0;
            return false;
        }

        int gap = 0, shift = 0;
        byte b;
        do
        {
            b = _bytes[_position++];
            gap |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);

        _passage += gap;
        passage = _passage;
        return true;
    }
}

/// <summary>Appends entries to a posting list under construction; passages must come in ascending order.</summary>
public sealed class PostingListBuilder
{
    private byte[] _bytes = new byte[8];
    private int _length;
    private int _last = -1;

    public int Count { get; private set; }

    public void Add(int passage, byte payload)
    {
        AddPassage(passage);
        _bytes[_length++] = payload;
    }

    public void Add(int passage, short payload)
    {
        AddPassage(passage);
        _bytes[_length++] = (byte)payload;
        _bytes[_length++] = (byte)(payload >> 8);
    }

    // Writes the gap and leaves room for a payload of up to two bytes.
    private void AddPassage(int passage)
    {
        if (passage <= _last) throw new InvalidOperationException($"Passage {passage} added after {_last}: posting lists are built in passage order.");
        var gap = (uint)(passage - _last);
        _last = passage;
        if (_length + 7 > _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
        while (gap >= 0x80)
        {
            _bytes[_length++] = (byte)(gap | 0x80);
            gap >>= 7;
        }

        _bytes[_length++] = (byte)gap;
        Count++;
    }

    /// <summary>The finished list, trimmed to its length.</summary>
    public PostingList Build() => new(_bytes.AsSpan(0, _length).ToArray(), Count);
}

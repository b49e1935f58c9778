namespace NewsQA.Core.Indexing;

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

using System.Runtime.CompilerServices;

namespace NewsQA.Core.Indexing;

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

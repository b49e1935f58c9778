namespace NewsQA.Core.Conversations;

/// <summary>
/// One item's share of a <see cref="ByteBudget"/>: the item charges what it grows by and refunds what it drops. Once the
/// store has let the item go, the account is closed and charges no more, so an item still in use by a request that
/// started before the eviction cannot count against the budget.
/// </summary>
public sealed class ByteAccount
{
    private readonly ByteBudget _budget;
    private readonly Action _exceeded;
    private readonly Lock _gate = new();
    private long _bytes;
    private bool _closed;

    internal ByteAccount(ByteBudget budget, Action exceeded)
    {
        _budget = budget;
        _exceeded = exceeded;
    }

    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    /// <summary>
    /// Charges <paramref name="bytes"/> (negative: refunds). Call it outside the item's own lock: when the charge
    /// exceeds the budget the store evicts other items, and takes their locks to do so.
    /// </summary>
    public void Charge(long bytes)
    {
        lock (_gate)
        {
            if (_closed) return;
            _bytes += bytes;
            _budget.Add(bytes);
        }

        if (bytes > 0 && _budget.Exceeded) _exceeded();
    }

    internal void Close()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            _budget.Add(-_bytes);
            _bytes = 0;
        }
    }
}

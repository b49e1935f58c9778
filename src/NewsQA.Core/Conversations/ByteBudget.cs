namespace NewsQA.Core.Conversations;

/// <summary>
/// The bytes a store's items hold together, against a limit. Every item charges its growth to a
/// <see cref="ByteAccount"/> of this budget; the store evicts items while the budget is exceeded.
/// </summary>
public sealed class ByteBudget(long limit)
{
    private long _used;

    public long Limit { get; } = limit;

    public long Used => Interlocked.Read(ref _used);

    public bool Exceeded => Used > Limit;

    internal void Add(long bytes) => Interlocked.Add(ref _used, bytes);
}

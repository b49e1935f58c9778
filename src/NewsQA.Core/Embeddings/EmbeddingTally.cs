namespace NewsQA.Core.Embeddings;

/// <summary>What embedding passages cost in one run: passages sent to the provider, passages reused from the cache, and the tokens sent.</summary>
public sealed class EmbeddingTally
{
    private long _embedded;
    private long _reused;
    private long _tokens;

    public long Embedded => Interlocked.Read(ref _embedded);

    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>Tokens of the texts sent, counted with <see cref="EmbeddingTokens"/>.</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    public void AddEmbedded(int passages, long tokens)
    {
        Interlocked.Add(ref _embedded, passages);
        Interlocked.Add(ref _tokens, tokens);
    }

    public void AddReused(int passages) => Interlocked.Add(ref _reused, passages);
}

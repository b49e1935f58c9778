namespace NewsQA.Core.Indexing.Vectors;

/// <summary>The <see cref="IGraphSource"/> of a process that builds every graph it reads.</summary>
internal sealed class NoGraphSource : IGraphSource
{
    public IReadOnlyList<TimeSpan> Retries => [];

    public Task<bool> TryFetchAsync(string fileName, string path, CancellationToken cancellationToken) => Task.FromResult(false);
}

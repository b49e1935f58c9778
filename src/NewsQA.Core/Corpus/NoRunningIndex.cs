namespace NewsQA.Core.Corpus;

/// <summary>For hosts with no index in memory (the CLI): the next command that opens the index picks the files up incrementally.</summary>
public sealed class NoRunningIndex : ICorpusChangeListener
{
    public Task CorpusChangedAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken) => Task.CompletedTask;
}

namespace NewsQA.Core.Corpus;

/// <summary>
/// Told when articles were written into or removed from the corpus folder; returns once a running index reflects
/// them. The bot's implementation is its folder watcher, which applies just those articles to the index it answers
/// from; the CLI holds no running index (<see cref="NoRunningIndex"/>).
/// </summary>
public interface ICorpusChangeListener
{
    Task CorpusChangedAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken);
}

namespace NewsQA.Core.Feedback;

/// <summary>
/// Where answer feedback is kept: JSON lines in a file (<see cref="FeedbackStore"/>), or a list in Redis that every
/// NewsQA process shares (<see cref="RedisFeedbackStore"/>); `newsqa feedback` reads whichever the settings choose.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Keeps a record, stamped with the time it arrived, dropping the oldest past the bound.</summary>
    Task SaveAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>Every record kept, oldest first; records that do not parse are counted, not thrown.</summary>
    Task<(List<FeedbackRecord> Records, int Unreadable)> ReadAllAsync(CancellationToken cancellationToken);
}

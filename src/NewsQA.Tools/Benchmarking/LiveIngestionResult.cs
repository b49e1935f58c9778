namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// One `newsqa bench live` run: how long one dropped article took to be answerable (each sample), and the question
/// load with nothing arriving, while a burst of articles was applied, with nothing arriving once they all were, while
/// every one of them was rewritten, with nothing arriving again, and while they were removed again.
/// </summary>
public sealed record LiveIngestionResult(
    int Articles,
    int PassagesBefore,
    int PassagesAdded,
    IReadOnlyList<double> OneArticleSeconds,
    LoadResult Idle,
    LoadResult DuringIngestion,
    double IngestionSeconds,
    LoadResult AfterIngestion,
    LoadResult DuringChange,
    double ChangeSeconds,
    LoadResult AfterChange,
    LoadResult DuringRemoval,
    double RemovalSeconds)
{
    /// <summary>The machine's load averages at the start and at the end of the run, where the system tells them.</summary>
    public string? LoadAverage { get; init; }

    public int Errors => Idle.Errors + DuringIngestion.Errors + AfterIngestion.Errors + DuringChange.Errors + AfterChange.Errors + DuringRemoval.Errors;
}

namespace NewsQA.Tools.Benchmarking.Soak;

/// <summary>
/// How a soak runs: for <see cref="Duration"/>, <see cref="RestClients"/> clients asking through POST /api/ask and
/// <see cref="DirectLineClients"/> through the whole Direct Line flow, each one question after another, while an article
/// of <see cref="Paragraphs"/> paragraphs arrives every <see cref="ArrivalEvery"/>; measured every <see cref="Interval"/>.
/// </summary>
public sealed record SoakSettings(TimeSpan Duration, TimeSpan Interval, TimeSpan ArrivalEvery, int RestClients, int DirectLineClients, int Paragraphs)
{
    /// <summary>The soak: 30 minutes, 12 REST and 4 Direct Line clients, an article every 2 s, sampled every 30 s.</summary>
    public static SoakSettings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), 12, 4, 10);

    public int Concurrency => RestClients + DirectLineClients;
}

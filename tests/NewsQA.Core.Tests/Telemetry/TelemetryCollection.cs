namespace NewsQA.Core.Tests.Telemetry;

/// <summary>
/// NewsQA's spans and meters are process-wide, so while these tests listen no other test may run: a span or count of
/// theirs would be taken for this one's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

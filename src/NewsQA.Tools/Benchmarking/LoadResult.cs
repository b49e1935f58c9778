namespace NewsQA.Tools.Benchmarking;

/// <summary>One load level against the running service; its timeline when the generator was asked to record one.</summary>
public sealed record LoadResult(string Scenario, int Concurrency, int Requests, int Errors, double Seconds, double PerSecond, double P50Ms, double P95Ms, double P99Ms, long? ServiceMemoryBytes, LoadTimeline? Timeline = null);

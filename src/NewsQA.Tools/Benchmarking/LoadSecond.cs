namespace NewsQA.Tools.Benchmarking;

/// <summary>One second of a load level: the requests that completed in it, answered and failed.</summary>
public sealed record LoadSecond(int Second, int Answered, int Errors);

namespace NewsQA.Core.Indexing;

/// <summary>
/// What the stored passages were built with. A document is reused only when these match the running configuration;
/// any difference means its passages, terms or vectors would differ, so it is rebuilt.
/// </summary>
public sealed record IndexSettings(string AnalyzerVersion, string EmbedderId, int Dimensions, int MaxPassageChars);

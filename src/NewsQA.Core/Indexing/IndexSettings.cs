using System.Globalization;

namespace NewsQA.Core.Indexing;

/// <summary>
/// What the stored passages were built with, kept in every commit's user data. An index is reused only when these
/// match the running configuration; any difference means its terms or vectors would differ, so it is rebuilt.
/// </summary>
public sealed record IndexSettings(string AnalyzerVersion, string EmbedderId, int Dimensions, int MaxPassageChars)
{
    /// <summary>The layout of the Lucene index; changes whenever fields or their meaning change.</summary>
    public const string FormatVersion = "newsqa-lucene-3";

    private const string FormatKey = "newsqa.format";

    /// <summary>The settings as commit user data.</summary>
    public Dictionary<string, string> ToCommitData() => new(StringComparer.Ordinal)
    {
        [FormatKey] = FormatVersion,
        ["newsqa.analyzer"] = AnalyzerVersion,
        ["newsqa.embedder"] = EmbedderId,
        ["newsqa.dimensions"] = Dimensions.ToString(CultureInfo.InvariantCulture),
        ["newsqa.maxPassageChars"] = MaxPassageChars.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The settings of a commit, or the reason they cannot be read (another layout, not NewsQA's).</summary>
    public static (IndexSettings? Settings, string? Problem) FromCommitData(IDictionary<string, string> data)
    {
        if (!data.TryGetValue(FormatKey, out var format)) return (null, "not a NewsQA index (no format in its commit)");
        if (format != FormatVersion) return (null, $"index layout {format}, this build reads {FormatVersion}");
        return (new IndexSettings(data["newsqa.analyzer"], data["newsqa.embedder"],
            int.Parse(data["newsqa.dimensions"], CultureInfo.InvariantCulture), int.Parse(data["newsqa.maxPassageChars"], CultureInfo.InvariantCulture)), null);
    }

    /// <summary>Whether passages built with <paramref name="stored"/> can be kept under these settings.</summary>
    public bool CanReuse(IndexSettings stored) =>
        stored.AnalyzerVersion == AnalyzerVersion && stored.EmbedderId == EmbedderId && stored.MaxPassageChars == MaxPassageChars
        && (Dimensions == 0 || stored.Dimensions == Dimensions);
}

using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Corpus": where the articles are and how they are cut into passages.</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Corpus";

    /// <summary>Folder of .txt, .md and .html articles, relative to the working directory.</summary>
    [Required]
    public string Path { get; set; } = "seeds";

    /// <summary>
    /// Paragraphs longer than this many characters are split at sentence ends. 1,200 keeps every seed paragraph whole
    /// except the longest, and keeps a passage near the 512-token window of common embedding models.
    /// </summary>
    [Range(200, 20_000)]
    public int MaxPassageChars { get; set; } = 1200;

    public const int DefaultMaxFileBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Larger article files are skipped, counted while reading. 64 MiB is far past any news article and above the
    /// 50 MB single-line file docs/cli.md measures; it bounds what one file can cost (that file peaked at 2.2 GB RSS).
    /// </summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}

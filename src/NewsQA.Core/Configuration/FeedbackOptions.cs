using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Feedback": where answer feedback (like/dislike, comment) is kept, and how much of it.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>File where feedback is appended as JSON lines (relative to the working directory).</summary>
    [Required]
    public string Path { get; set; } = ".newsqa/feedback.jsonl";

    /// <summary>
    /// Past this size the file is rotated. 10 MB holds some ten thousand answers with their cited sentences, enough
    /// for months of a busy bot, and stays quick to read through.
    /// </summary>
    [Range(1024, 1L << 40)]
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Rotated files kept besides the current one; the oldest beyond this are deleted.</summary>
    [Range(0, 1000)]
    public int MaxFiles { get; set; } = 5;
}

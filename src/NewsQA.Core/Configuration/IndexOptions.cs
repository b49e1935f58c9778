using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Index": where the index is stored.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Index folder (a Lucene index), relative to the working directory.</summary>
    [Required]
    public string Path { get; set; } = ".newsqa/index";
}

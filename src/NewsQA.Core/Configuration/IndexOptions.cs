using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Index": where the index is stored and the size of the offline embedding.</summary>
public sealed class IndexOptions
{
    public const string SectionName = "Index";

    /// <summary>Index file, relative to the working directory.</summary>
    [Required]
    public string Path { get; set; } = ".newsqa/index.bin";

    /// <summary>
    /// Dimensions of the offline hashing embedding. A news paragraph hashes about 500 features (words and 4-grams); the
    /// chance that a feature shares its bucket with another is about 1 - e^(-500/d): 22% at 2048, 11% at 4096.
    /// </summary>
    [Range(16, 16384)]
    public int LocalEmbeddingDimensions { get; set; } = 4096;
}

using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Prompts": where the prompt files are, and how much of the articles and history a prompt may carry.</summary>
public sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>Folder of prompt YAML files; a relative path is read as <see cref="ConfiguredPath.Shipped"/> says (the build copies prompts/ beside each program).</summary>
    [Required]
    public string Path { get; set; } = "prompts";

    /// <summary>
    /// Tokens (o200k) of passage text one prompt may carry: an answer's passages are cut to it, and a longer summary is
    /// made in parts and merged. 4,000 was set a priori, not measured: it leaves room for the instructions and the reply
    /// in an 8k-context local model, where the 12,000-character budget it replaces did not know how many tokens it was.
    /// </summary>
    [Range(500, 100_000)]
    public int MaxPassageTokens { get; set; } = 4000;

    /// <summary>Tokens of each earlier answer that the condense prompt sees; follow-ups need its gist, not all of it.</summary>
    [Range(10, 2000)]
    public int MaxHistoryAnswerTokens { get; set; } = 120;

    public string ResolvedPath => ConfiguredPath.Shipped(Path);
}

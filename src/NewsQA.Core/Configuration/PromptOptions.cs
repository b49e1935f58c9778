using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Prompts": where the prompt files are.</summary>
public sealed class PromptOptions
{
    public const string SectionName = "Prompts";

    /// <summary>Folder of prompt YAML files; relative paths are taken from the program's own folder, where the build copies prompts/.</summary>
    [Required]
    public string Path { get; set; } = "prompts";

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}

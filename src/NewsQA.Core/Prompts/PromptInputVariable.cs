namespace NewsQA.Core.Prompts;

/// <summary>One declared input of a prompt (Semantic Kernel's input_variables entry).</summary>
public sealed class PromptInputVariable
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool IsRequired { get; set; } = true;
}

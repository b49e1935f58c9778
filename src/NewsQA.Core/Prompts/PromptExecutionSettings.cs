namespace NewsQA.Core.Prompts;

/// <summary>Model settings of a prompt (Semantic Kernel's execution_settings entry; the keys NewsQA uses).</summary>
public sealed class PromptExecutionSettings
{
    public double? Temperature { get; set; }

    public int? MaxTokens { get; set; }
}

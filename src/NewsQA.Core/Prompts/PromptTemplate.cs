namespace NewsQA.Core.Prompts;

/// <summary>
/// A prompt file in Semantic Kernel's prompt-template YAML schema (name, description, template_format, template,
/// input_variables, execution_settings), as loaded from disk.
/// </summary>
public sealed class PromptTemplate
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string TemplateFormat { get; set; } = "handlebars";

    public string Template { get; set; } = string.Empty;

    public List<PromptInputVariable> InputVariables { get; set; } = [];

    public Dictionary<string, PromptExecutionSettings> ExecutionSettings { get; set; } = [];
}

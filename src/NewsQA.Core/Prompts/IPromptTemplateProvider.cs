namespace NewsQA.Core.Prompts;

/// <summary>
/// Renders prompt files. The one seam between NewsQA and a prompt engine: today YamlDotNet + Handlebars.Net; when
/// Semantic Kernel becomes installable, an implementation over KernelFunctionYaml replaces this one class.
/// </summary>
public interface IPromptTemplateProvider
{
    /// <summary>Renders the named prompt with the given variables into chat messages and options.</summary>
    RenderedPrompt Render(string name, IReadOnlyDictionary<string, object?> variables);
}

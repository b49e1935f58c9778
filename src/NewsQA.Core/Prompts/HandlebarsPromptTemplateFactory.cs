using System.Web;
using HandlebarsDotNet;
using Microsoft.SemanticKernel;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Semantic Kernel's <c>template_format: handlebars</c> over Handlebars.Net, standing in for
/// Microsoft.SemanticKernel.PromptTemplates.Handlebars (not installable here) with the same rendering rules: defaults
/// from input_variables, string argument values HTML-encoded unless the prompt or the variable allows dangerous
/// content, the rendered text trimmed and HTML-decoded once. The encoding is what keeps a &lt;message&gt; tag inside
/// an article from opening a chat message: it reaches the chat-prompt parser as text, never as markup.
/// </summary>
public sealed class HandlebarsPromptTemplateFactory : IPromptTemplateFactory
{
    public const string TemplateFormat = "handlebars";

    public bool TryCreate(PromptTemplateConfig templateConfig, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPromptTemplate? result)
    {
        ArgumentNullException.ThrowIfNull(templateConfig);
        result = templateConfig.TemplateFormat == TemplateFormat ? new Template(templateConfig) : null;
        return result is not null;
    }

    private sealed class Template(PromptTemplateConfig config) : IPromptTemplate
    {
        private readonly HandlebarsTemplate<object, object> _compiled = Handlebars.Create().Compile(config.Template);

        public Task<string> RenderAsync(Kernel kernel, KernelArguments? arguments = null, CancellationToken cancellationToken = default)
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var input in config.InputVariables)
            {
                if (input.Default is not (null or "")) variables[input.Name] = input.Default;
            }

            foreach (var (name, value) in arguments ?? [])
            {
                if (value is not null) variables[name] = value is string text && ShouldEncode(name) ? HttpUtility.HtmlEncode(text) : value;
            }

            return Task.FromResult(System.Net.WebUtility.HtmlDecode(_compiled(variables).Trim()));
        }

        private bool ShouldEncode(string name) =>
            !config.AllowDangerouslySetContent && config.InputVariables.FirstOrDefault(v => v.Name == name)?.AllowDangerouslySetContent != true;
    }
}

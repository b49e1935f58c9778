using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Prompts;

/// <summary>
/// The prompt files as Semantic Kernel functions: each prompts/{name}.yaml becomes a <see cref="PromptTemplateConfig"/>
/// and a <see cref="KernelFunction"/>, invoked (whole or streamed) through a <see cref="Kernel"/> whose services hold
/// the chat client. A missing required argument is a <see cref="PromptException"/> naming the file, since Semantic
/// Kernel itself renders a missing variable as empty text.
/// </summary>
public sealed class PromptFunctions
{
    private static readonly HandlebarsPromptTemplateFactory Templates = new();

    private readonly Dictionary<string, (PromptTemplateConfig Config, KernelFunction Function, string Path)> _prompts = new(StringComparer.Ordinal);

    public PromptFunctions(IOptions<PromptOptions> options, ILoggerFactory loggerFactory)
        : this(options.Value.ResolvedPath, loggerFactory)
    {
    }

    public PromptFunctions(string folder, ILoggerFactory? loggerFactory = null)
    {
        foreach (var name in PromptNames.Required)
        {
            var path = Path.Combine(folder, name + ".yaml");
            var config = PromptYamlLoader.Load(path);
            if (config.TemplateFormat != HandlebarsPromptTemplateFactory.TemplateFormat)
            {
                throw new PromptException($"Prompt file {path}: template_format must be {HandlebarsPromptTemplateFactory.TemplateFormat}");
            }

            if (string.IsNullOrWhiteSpace(config.Template)) throw new PromptException($"Prompt file {path} has no template");
            try
            {
                _prompts[name] = (config, KernelFunctionFactory.CreateFromPrompt(config, Templates, loggerFactory), path);
            }
            catch (Exception e) when (e is HandlebarsDotNet.HandlebarsException or ArgumentException)
            {
                throw new PromptException($"Prompt file {path} is not a valid template: {e.Message}");
            }
        }
    }

    /// <summary>The prompt's configuration as loaded, with the file it came from.</summary>
    public (PromptTemplateConfig Config, string Path) Describe(string name) => Get(name) is var p ? (p.Config, p.Path) : default;

    /// <summary>The prompt rendered with these arguments (what the prompt-render filters see), without calling a model.</summary>
    public async Task<string> RenderAsync(Kernel kernel, string name, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var (config, _, _) = Checked(name, arguments);
        return await Templates.Create(config).RenderAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The model's whole reply to the prompt.</summary>
    public async Task<string> InvokeAsync(Kernel kernel, string name, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var (_, function, _) = Checked(name, arguments);
        var result = await function.InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        return result.GetValue<string>() ?? string.Empty;
    }

    /// <summary>The model's reply as it is written, piece by piece.</summary>
    public async IAsyncEnumerable<string> InvokeStreamingAsync(Kernel kernel, string name, KernelArguments arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, function, _) = Checked(name, arguments);
        await foreach (var piece in function.InvokeStreamingAsync<string>(kernel, arguments, cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(piece)) yield return piece;
        }
    }

    private (PromptTemplateConfig Config, KernelFunction Function, string Path) Get(string name) =>
        _prompts.TryGetValue(name, out var prompt) ? prompt : throw new PromptException($"Unknown prompt: {name}");

    private (PromptTemplateConfig Config, KernelFunction Function, string Path) Checked(string name, KernelArguments arguments)
    {
        var prompt = Get(name);
        var missing = prompt.Config.InputVariables
            .Where(v => v.IsRequired && (!arguments.TryGetValue(v.Name, out var value) || value is null or ""))
            .Select(v => v.Name).ToList();
        if (missing.Count > 0) throw new PromptException($"Prompt {prompt.Path} needs {string.Join(", ", missing)}");
        return prompt;
    }
}

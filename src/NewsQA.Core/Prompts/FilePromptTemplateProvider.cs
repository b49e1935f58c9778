using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Loads prompts/*.yaml in Semantic Kernel's schema with YamlDotNet and renders them with Handlebars.Net. Like Semantic
/// Kernel's handlebars templates, a rendered prompt may hold &lt;message role="system|user|assistant"&gt; blocks, which
/// become chat messages. Variable values are data: any &lt;message&gt; tag inside them is neutralized, so article
/// text cannot open a system message of its own.
/// </summary>
public sealed partial class FilePromptTemplateProvider : IPromptTemplateProvider
{
    private readonly Dictionary<string, (PromptTemplate Template, HandlebarsTemplate<object, object> Compiled, string Path)> _prompts = new(StringComparer.Ordinal);

    public FilePromptTemplateProvider(IOptions<PromptOptions> options)
    {
        var folder = options.Value.ResolvedPath;
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = true });
        var yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        foreach (var name in PromptNames.Required)
        {
            var path = Path.Combine(folder, name + ".yaml");
            if (!File.Exists(path)) throw new PromptException($"Prompt file missing: {path}");
            PromptTemplate template;
            try
            {
                template = yaml.Deserialize<PromptTemplate>(File.ReadAllText(path)) ?? throw new PromptException($"Prompt file is empty: {path}");
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new PromptException($"Prompt file {path} is not valid YAML: {e.Message}");
            }

            if (template.TemplateFormat != "handlebars") throw new PromptException($"Prompt file {path}: template_format must be handlebars");
            if (string.IsNullOrWhiteSpace(template.Template)) throw new PromptException($"Prompt file {path} has no template");
            _prompts[name] = (template, handlebars.Compile(template.Template), path);
        }
    }

    public RenderedPrompt Render(string name, IReadOnlyDictionary<string, object?> variables)
    {
        if (!_prompts.TryGetValue(name, out var prompt)) throw new PromptException($"Unknown prompt: {name}");
        var missing = prompt.Template.InputVariables.Where(v => v.IsRequired && (!variables.TryGetValue(v.Name, out var value) || value is null)).Select(v => v.Name).ToList();
        if (missing.Count > 0) throw new PromptException($"Prompt {prompt.Path} needs {string.Join(", ", missing)}");

        string text;
        try
        {
            text = prompt.Compiled(Sanitize(variables));
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new PromptException($"Prompt {prompt.Path} does not render: {e.Message}");
        }

        if (text.Contains("{{", StringComparison.Ordinal)) throw new PromptException($"Prompt {prompt.Path} left an unresolved placeholder");
        var settings = prompt.Template.ExecutionSettings.GetValueOrDefault("default");
        var options = new ChatOptions { Temperature = (float?)settings?.Temperature, MaxOutputTokens = settings?.MaxTokens };
        return new RenderedPrompt(ToMessages(text), options);
    }

    private static Dictionary<string, object?> Sanitize(IReadOnlyDictionary<string, object?> variables) =>
        variables.ToDictionary(kv => kv.Key, kv => SanitizeValue(kv.Value), StringComparer.Ordinal);

    private static object? SanitizeValue(object? value) => value switch
    {
        string s => MessageTagPattern().Replace(s, m => m.Value.Replace("<", "‹", StringComparison.Ordinal).Replace(">", "›", StringComparison.Ordinal)),
        IEnumerable<IReadOnlyDictionary<string, object?>> rows => rows.Select(r => Sanitize(r)).ToList(),
        _ => value,
    };

    private static List<ChatMessage> ToMessages(string rendered)
    {
        var matches = MessagePattern().Matches(rendered);
        if (matches.Count == 0) return [new ChatMessage(ChatRole.User, rendered.Trim())];
        return [.. matches.Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value), m.Groups["content"].Value.Trim()))];
    }

    [GeneratedRegex(@"<message\s+role=""(?<role>system|user|assistant)""\s*>(?<content>.*?)</message>", RegexOptions.Singleline)]
    private static partial Regex MessagePattern();

    [GeneratedRegex(@"</?\s*message\b[^>]*>?", RegexOptions.IgnoreCase)]
    private static partial Regex MessageTagPattern();
}

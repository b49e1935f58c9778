using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Loads every required prompt and renders it through a Kernel when the host starts (through ValidateOnStart), so a
/// missing file, bad YAML, a broken template or a variable the file does not declare in input_variables stops
/// start-up with the file's name instead of failing a user's first question.
/// </summary>
public sealed partial class PromptStartupCheck : IValidateOptions<PromptOptions>
{
    private static readonly HashSet<string> HandlebarsWords = new(["else", "this"], StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, PromptOptions options)
    {
        try
        {
            var prompts = new PromptFunctions(options.ResolvedPath);
            var kernel = new Kernel();
            foreach (var prompt in PromptNames.Required)
            {
                var (config, path) = prompts.Describe(prompt);
                var declared = config.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
                var undeclared = VariablePattern().Matches(config.Template).Select(m => m.Groups["name"].Value)
                    .Where(v => !declared.Contains(v) && !HandlebarsWords.Contains(v)).Distinct().ToList();
                if (undeclared.Count > 0) return ValidateOptionsResult.Fail($"Prompt {path} uses {string.Join(", ", undeclared)}, not declared in input_variables");
                prompts.RenderAsync(kernel, prompt, PromptSamples.For(prompt), CancellationToken.None).GetAwaiter().GetResult();
            }

            return ValidateOptionsResult.Success;
        }
        catch (PromptException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }

    // {{name}}, {{#if name}}, {{#each name}}, {{/if}} (the closing word is not a variable).
    [GeneratedRegex(@"\{\{\{?\s*(?:[#^]\s*(?:if|unless|each|with)\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}?\}\}")]
    private static partial Regex VariablePattern();
}

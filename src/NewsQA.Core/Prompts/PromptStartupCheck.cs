using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Loads and test-renders every required prompt when the host starts (through ValidateOnStart), so a missing file,
/// bad YAML or an undeclared variable stops start-up with the file's name instead of failing a user's first question.
/// </summary>
public sealed class PromptStartupCheck : IValidateOptions<PromptOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptOptions options)
    {
        try
        {
            var provider = new FilePromptTemplateProvider(Options.Create(options));
            foreach (var prompt in PromptNames.Required) provider.Render(prompt, PromptSamples.For(prompt));
            return ValidateOptionsResult.Success;
        }
        catch (PromptException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Providers;

namespace NewsQA.Core.Tests.Providers;

public class AIOptionsTests
{
    private static List<ValidationResult> Validate(AIOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Local_NeedsNothing() => Assert.Empty(Validate(new AIOptions()));

    [Fact]
    public void OpenAI_WithoutKey_NamesTheMissingSetting()
    {
        var error = Assert.Single(Validate(new AIOptions { Provider = AIProvider.OpenAI, ChatModel = "gpt-4o-mini" }));
        Assert.Contains("AI:ApiKey", error.ErrorMessage);
        Assert.Contains("NEWSQA_AI__ApiKey", error.ErrorMessage);
    }

    [Fact]
    public void AzureOpenAI_NeedsEndpointKeyAndDeployment()
    {
        var errors = Validate(new AIOptions { Provider = AIProvider.AzureOpenAI }).Select(e => e.ErrorMessage).ToList();
        Assert.Contains(errors, e => e!.Contains("AI:ChatModel"));
        Assert.Contains(errors, e => e!.Contains("AI:ApiKey"));
        Assert.Contains(errors, e => e!.Contains("AI:Endpoint"));
    }

    [Fact]
    public void Ollama_NeedsOnlyAModel() =>
        Assert.Empty(Validate(new AIOptions { Provider = AIProvider.Ollama, ChatModel = "llama3.1" }));
}

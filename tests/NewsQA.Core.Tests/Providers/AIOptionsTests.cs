using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Theory]
    [InlineData(499)]
    [InlineData(1_000_001)]
    public void MaxAnswerChars_OutOfRange_IsNamed(int chars)
    {
        var error = Assert.Single(Validate(new AIOptions { MaxAnswerChars = chars }));
        Assert.Contains(nameof(AIOptions.MaxAnswerChars), error.MemberNames);
    }

    [Fact]
    public void MaxAnswerChars_OutOfRange_FailsStartUp_NamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AI:MaxAnswerChars"] = "10" }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration).AddLogging().AddNewsQA(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AIOptions>>().Value);
        Assert.Contains("MaxAnswerChars", error.Message);
    }
}

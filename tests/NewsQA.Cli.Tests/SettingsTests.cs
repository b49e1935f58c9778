namespace NewsQA.Cli.Tests;

public class SettingsTests
{
    [Fact]
    public async Task AProviderWithoutItsKey_StopsStartUp_NamingTheSetting()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(
            new() { ["NEWSQA_AI__Provider"] = "OpenAI", ["NEWSQA_AI__ChatModel"] = "gpt-4o-mini", ["OPENAI_API_KEY"] = null },
            "ask", "سؤال", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AI:ApiKey", result.Error);
        Assert.Contains("NEWSQA_AI__ApiKey", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task AnUnknownProvider_NamesTheKeyAndTheChoices()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_AI__Provider"] = "Bogus" }, "ask", "سؤال", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("AI:Provider", result.Error);
        Assert.Contains("OpenAICompatible", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task AnUnknownRefusalCalibration_StopsStartUp_NamingTheKeyAndTheChoices()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Answering__RefusalCalibration"] = "Strict" }, "ask", "سؤال", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Answering:RefusalCalibration must be General or News", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task AMissingPromptFolder_StopsStartUp_NamingTheFile()
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Prompts__Path"] = "/nonexistent-prompts" }, "ask", "سؤال", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent-prompts/answer.yaml", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task AMissingLexiconFile_StopsStartUp_NamingTheSetting_UnlessTranslationIsOff()
    {
        var environment = new Dictionary<string, string?> { ["NEWSQA_Retrieval__LexiconPath"] = "/nonexistent/en-ar.tsv" };
        var result = await NewsQACli.RunWithEnvironmentAsync(environment, "search", "Who is Sudani?", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Retrieval:LexiconPath", result.Error);
        Assert.Contains("/nonexistent/en-ar.tsv", result.Error);
        Assert.False(result.HasStackTrace);

        var untranslated = await NewsQACli.RunWithEnvironmentAsync(environment, "search", "Who is Sudani?", "--corpus", NewsQACli.Seeds, "--no-translate");
        Assert.Equal(0, untranslated.ExitCode);
    }

    [Theory]
    [InlineData("NEWSQA_Ingestion__Feeds__0", "file:///etc/passwd", "Ingestion:Feeds:0")]
    [InlineData("NEWSQA_Ingestion__PollInterval", "00:00:05", "Ingestion:PollInterval")]
    [InlineData("NEWSQA_Ingestion__UserAgent", "Mozilla/5.0", "Ingestion:UserAgent")]
    public async Task ABadIngestionSetting_StopsStartUp_NamingIt(string variable, string value, string key)
    {
        var result = await NewsQACli.RunWithEnvironmentAsync(new() { [variable] = value }, "ingest", "--url", "http://127.0.0.1:9/a.html", "--corpus", NewsQACli.Seeds);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Error);
        Assert.False(result.HasStackTrace);
    }
}

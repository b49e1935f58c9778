namespace NewsQA.Cli.Tests;

public class LexiconCommandTests
{
    [Fact]
    public async Task LexiconRelated_MissingFolder_IsAUsageError()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("lexicon", "related", "--wordnet", temp.File("nowhere"), "--output", temp.File("out.tsv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere", result.Error);
        Assert.False(File.Exists(temp.File("out.tsv")));
    }

    [Fact]
    public async Task LexiconRelated_FolderWithoutWordNet_NamesTheMissingFiles()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("lexicon", "related", "--wordnet", temp.Path, "--output", temp.File("out.tsv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("index.noun", result.Error);
        Assert.False(result.HasStackTrace);
        Assert.False(File.Exists(temp.File("out.tsv")));
    }
}

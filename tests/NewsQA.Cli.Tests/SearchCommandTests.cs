using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class SearchCommandTests
{
    [Fact]
    public async Task Search_Json_PrintsTheDocumentedShape()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("search", "من هو المتحدث باسم الحشد الشعبي؟", "--json", "--top", "3", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);

        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("من هو المتحدث باسم الحشد الشعبي؟", root.GetProperty("question").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        var first = results[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("000_ab59f3dd8cbc7909", first.GetProperty("documentId").GetString());
        Assert.StartsWith("000_ab59f3dd8cbc7909:", first.GetProperty("passageId").GetString());
        Assert.Equal("التحالف الدولي والحشد الشعبي بالعراق.. بوادر تنسيق", first.GetProperty("title").GetString());
        Assert.Equal(7, first.GetProperty("paragraph").GetInt32());
        Assert.True(first.GetProperty("score").GetDouble() > results[1].GetProperty("score").GetDouble());
        Assert.Contains("كريم النوري", first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Search_Explain_ShowsWhatEachTermAddsToThePassagesScores()
    {
        using var temp = new TempFolder();
        var args = new[] { "search", "من هو المتحدث باسم الحشد الشعبي؟", "--top", "2", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"), "--mode", "keyword" };
        var result = await NewsQACli.RunAsync([.. args, "--json", "--explain"]);
        Assert.Equal(0, result.ExitCode);

        using var json = JsonDocument.Parse(result.Output);
        var first = json.RootElement.GetProperty("results")[0];
        var explanation = first.GetProperty("explanation");
        // In keyword mode the passage's score is its BM25 score, which the clauses' parts add up to.
        Assert.Equal(first.GetProperty("score").GetDouble(), explanation.GetProperty("keyword").GetDouble(), 5);
        var clauses = explanation.GetProperty("clauses").EnumerateArray().ToList();
        Assert.True(clauses.Count > 3, $"{clauses.Count} clauses");
        Assert.Equal(explanation.GetProperty("keyword").GetDouble(), clauses.Sum(c => c.GetProperty("keyword").GetDouble()), 4);
        Assert.All(clauses, c => Assert.True(c.GetProperty("termFrequency").GetInt32() > 0));
        Assert.Contains(clauses, c => c.GetProperty("clause").GetString() == "حشد" || c.GetProperty("clause").GetString()!.Contains("حشد"));

        var text = await NewsQACli.RunAsync([.. args, "--explain"]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("keyword (BM25)", text.Output);
        Assert.Contains(" tf ", text.Output);
        var plain = await NewsQACli.RunAsync([.. args, "--json"]);
        Assert.DoesNotContain("explanation", plain.Output);
    }

    [Fact]
    public async Task Search_WithCorpusOnly_IndexesIntoTheCache_AndAnswers()
    {
        var result = await NewsQACli.RunAsync("search", "كم رفع الناتو عدد جنوده في العراق؟", "--corpus", NewsQACli.Seeds, "--top", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("4000", result.Output);
    }

    [Fact]
    public async Task Search_QuestionsFile_PrintsOneJsonLinePerQuestion_InOrder()
    {
        using var temp = new TempFolder();
        await File.WriteAllLinesAsync(temp.File("q.txt"), ["من هو قائد القوات الفرنسية في الشرق الأوسط؟", "", "متى احتل تنظيم الدولة ثلث مساحة العراق؟", new string('س', 2500)]);
        var result = await NewsQACli.RunAsync("search", "--questions", temp.File("q.txt"), "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("من هو قائد القوات الفرنسية في الشرق الأوسط؟", lines[0].GetProperty("question").GetString());
        Assert.Contains("إيمانويل سلارس", lines[0].GetProperty("results")[0].GetProperty("text").GetString());
        Assert.Contains("2014", lines[1].GetProperty("results")[0].GetProperty("text").GetString());
        Assert.Contains("limit is 2,000", lines[2].GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_EmptyQuestion_IsAUsageError(string question)
    {
        var result = await NewsQACli.RunAsync("search", question, "--corpus", NewsQACli.Seeds);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("empty", result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Search_OverlongQuestion_IsRefusedWithTheLimit()
    {
        var result = await NewsQACli.RunAsync("search", new string('ق', 2001), "--corpus", NewsQACli.Seeds);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2,001 characters", result.Error);
        Assert.Contains("2,000", result.Error);
    }

    [Fact]
    public async Task Search_UnreadableExplicitIndex_IsRebuiltFromTheConfiguredCorpus()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("index"));
        await File.WriteAllTextAsync(Path.Combine(temp.File("index"), "segments_1"), new string('z', 300));
        var result = await NewsQACli.RunAsync("search", "من هو قائد عمليات محافظة نينوى؟", "--index", temp.File("index"), "--top", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("unusable", result.Error);
        Assert.Contains("الجبوري", result.Output);
    }

    [Theory]
    [InlineData("search", "--top", "abc", "سؤال")]
    [InlineData("search", "--no-such-flag")]
    [InlineData("frobnicate")]
    [InlineData("eval", "retrieval")]
    [InlineData("search", "سؤال", "--mode", "psychic")]
    public async Task BadUsage_ExitsWithTwo_AndNoStackTrace(params string[] args)
    {
        var result = await NewsQACli.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.False(result.HasStackTrace);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("index", "--help")]
    [InlineData("search", "--help")]
    [InlineData("eval", "retrieval", "--help")]
    public async Task Help_IsAvailableOnEveryCommand(params string[] args)
    {
        var result = await NewsQACli.RunAsync(args);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }
}

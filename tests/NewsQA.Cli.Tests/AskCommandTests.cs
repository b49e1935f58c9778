using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class AskCommandTests
{
    // The shipped gate shows no short answer (no threshold reached 0.85 held-out precision, docs/answering.md#measured):
    // the shape of one is checked with every gated span shown at the answered level.
    private static Dictionary<string, string?> ShortAnswerShown => new() { ["NEWSQA_Answering__MinShortAnswerConfidence"] = "0", ["NEWSQA_Answering__MinAnswered"] = "0" };

    [Fact]
    public async Task Ask_Json_PrintsTheDocumentedShape_Offline()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunWithEnvironmentAsync(ShortAnswerShown, "ask", "كم رفع الناتو عدد جنوده في العراق؟", "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);

        var answer = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("كم رفع الناتو عدد جنوده في العراق؟", answer.GetProperty("question").GetString());
        Assert.Equal("ar", answer.GetProperty("language").GetString());
        Assert.Contains("4000", answer.GetProperty("answer").GetString());
        Assert.Contains("[1]", answer.GetProperty("answer").GetString());
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal("local", answer.GetProperty("mode").GetString());
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("marker").GetInt32());
        Assert.Equal("001_d149adc8417d1233", citation.GetProperty("documentId").GetString());
        Assert.StartsWith("001_d149adc8417d1233:", citation.GetProperty("passageId").GetString());
        Assert.Equal("الصدام بين الفصائل والقوات الامريكية", citation.GetProperty("title").GetString());
        Assert.Equal(8, citation.GetProperty("paragraph").GetInt32());
        var text = citation.GetProperty("text").GetString()!;
        var sentence = citation.GetProperty("sentence");
        Assert.Contains("4000", text.Substring(sentence.GetProperty("start").GetInt32(), sentence.GetProperty("length").GetInt32()));
        var shortAnswer = answer.GetProperty("shortAnswer");
        Assert.Contains("4000", shortAnswer.GetProperty("text").GetString());
        Assert.Equal(shortAnswer.GetProperty("text").GetString(), shortAnswer.GetProperty("original").GetString());
        Assert.Equal(1, shortAnswer.GetProperty("citation").GetInt32());
        Assert.Equal("number", shortAnswer.GetProperty("type").GetString());
        Assert.StartsWith($"**{shortAnswer.GetProperty("text").GetString()}**", answer.GetProperty("answer").GetString()); // it leads the answer
    }

    [Fact]
    public async Task Ask_Json_InEnglishOverArabic_GivesTheRomanizedShortAnswer_WithTheArabicOriginal()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunWithEnvironmentAsync(ShortAnswerShown, "ask", "Who commands the French forces in the Middle East?", "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("i.bin"));
        Assert.Equal(0, result.ExitCode);

        var shortAnswer = JsonDocument.Parse(result.Output).RootElement.GetProperty("shortAnswer");
        Assert.Equal("إيمانويل سلارس", shortAnswer.GetProperty("original").GetString());
        Assert.True(shortAnswer.GetProperty("transliterated").GetBoolean());
        Assert.Matches("^[A-Z][a-z]+ [A-Z][a-z]+$", shortAnswer.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ask_AboutTheLatest_CitesTheNewerArticle_WithItsDateAndLink_InJsonAndInText()
    {
        using var temp = new TempFolder();
        var corpus = NewsQA.Testing.DatedArticles.WriteTo(temp.File("corpus"));
        const string Question = "What is the latest number of NATO advisers in Iraq?";

        var json = await NewsQACli.RunAsync("ask", Question, "--json", "--corpus", corpus, "--index", temp.File("index"));
        Assert.Equal(0, json.ExitCode);
        var citation = JsonDocument.Parse(json.Output).RootElement.GetProperty("citations")[0];
        Assert.Equal(NewsQA.Testing.DatedArticles.EnglishNewerId, citation.GetProperty("documentId").GetString());
        Assert.Equal("2023-02-14T10:30:00+03:00", citation.GetProperty("published").GetString());
        Assert.Equal(NewsQA.Testing.DatedArticles.EnglishNewerUrl, citation.GetProperty("url").GetString());
        Assert.Equal("Tigris Daily", citation.GetProperty("source").GetString());

        var text = await NewsQACli.RunAsync("ask", Question, "--corpus", corpus, "--index", temp.File("index"));
        Assert.Contains("14 February 2023: ", text.Output); // the answer dates what it quotes
        Assert.Contains($"(Tigris Daily, 2023-02-14T10:30:00+03:00, {NewsQA.Testing.DatedArticles.EnglishNewerUrl})", text.Output);
    }

    [Fact]
    public async Task Ask_Unanswerable_IsNotGrounded_AndHasNoCitations()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("ask", "What is the capital of Japan?", "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        var answer = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("en", answer.GetProperty("language").GetString());
        Assert.False(answer.GetProperty("grounded").GetBoolean());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
        Assert.Equal("I couldn't find this in the articles.", answer.GetProperty("answer").GetString());
        Assert.False(answer.TryGetProperty("shortAnswer", out _)); // absent when there is none
    }

    [Fact]
    public async Task Ask_QuestionsFile_AsAConversation_AnswersFollowUpsAndSourceCommands_InOrder()
    {
        using var temp = new TempFolder();
        await File.WriteAllLinesAsync(temp.File("q.txt"), ["من هو المتحدث باسم الحشد الشعبي؟", "وماذا قال عن القوات الأجنبية؟", "المصدر 1", "لخص المقال الثاني"]);
        var result = await NewsQACli.RunAsync("ask", "--questions", temp.File("q.txt"), "--conversation", "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Contains("كريم النوري", lines[0].GetProperty("answer").GetString());
        Assert.Contains("أجنبية", lines[1].GetProperty("answer").GetString());
        Assert.Equal("source", lines[2].GetProperty("kind").GetString());
        Assert.Equal("summary", lines[3].GetProperty("kind").GetString());
        Assert.True(lines[3].GetProperty("citations").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Ask_EmptyQuestion_ExitsWithUsageError_AndAHint()
    {
        var result = await NewsQACli.RunAsync("ask", " ", "--corpus", NewsQACli.Seeds);
        Assert.Equal(2, result.ExitCode);
        Assert.False(result.HasStackTrace);
    }

    [Fact]
    public async Task Chat_AnswersFollowUps_AndShowsSources_FromStandardInput()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunWithInputAsync("من هو قائد عمليات محافظة نينوى؟\nshow 1\nexit\n", "chat", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("الجبوري", result.Output);
        Assert.Contains("**", result.Output); // the cited sentence marked in the shown source
        Assert.Contains("المصدر: الجزيرة", result.Output);
    }
}

using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class FeedbackCommandTests
{
    private static string Line(string at, string reaction, string question, string comment) => JsonSerializer.Serialize(new
    {
        conversationId = "c", reaction, comment, question, passageIds = new[] { "001_d149adc8417d1233:abc" }, receivedAt = at,
        answer = $"answer to {question} [1]",
        citations = new[] { new { marker = 1, passageId = "001_d149adc8417d1233:abc", title = "الصدام بين الفصائل", paragraph = 8, sentence = "ورفع عدد جنوده من 500 الى 4000 فرد." } },
    });

    private static async Task<string> WriteFeedbackAsync(TempFolder temp)
    {
        var path = temp.File("feedback.jsonl");
        // The oldest line in the rotated file, as the store leaves it after a rotation.
        await File.WriteAllLinesAsync(temp.File("feedback.1.jsonl"), [Line("2025-01-10T09:00:00+00:00", "dislike", "old question", "too old")]);
        await File.WriteAllLinesAsync(path,
        [
            Line("2025-02-01T09:00:00+00:00", "dislike", "كم رفع الناتو عدد جنوده؟", "the number is for NATO, not the coalition"),
            Line("2025-02-02T09:00:00+00:00", "like", "liked question", "great"),
            Line("2025-02-03T09:00:00+00:00", "dislike", "newest question", "wrong person"),
        ]);
        return path;
    }

    [Fact]
    public async Task Feedback_ListsDislikedAnswers_NewestFirst_WithQuestionAnswerCitationsAndComment()
    {
        using var temp = new TempFolder();
        var path = await WriteFeedbackAsync(temp);

        var result = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Feedback__Path"] = path }, "feedback");

        Assert.Equal(0, result.ExitCode);
        var output = result.Output;
        Assert.DoesNotContain("liked question", output);
        Assert.True(output.IndexOf("newest question", StringComparison.Ordinal) < output.IndexOf("كم رفع الناتو", StringComparison.Ordinal));
        Assert.True(output.IndexOf("كم رفع الناتو", StringComparison.Ordinal) < output.IndexOf("old question", StringComparison.Ordinal)); // rotated files too
        Assert.Contains("the number is for NATO, not the coalition", output);
        Assert.Contains("answer to newest question [1]", output);
        Assert.Contains("[1] الصدام بين الفصائل, ¶8", output);
        Assert.Contains("4000 فرد", output);
    }

    [Fact]
    public async Task Feedback_Since_And_Json_PrintOneObjectPerDislike()
    {
        using var temp = new TempFolder();
        var path = await WriteFeedbackAsync(temp);

        var result = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Feedback__Path"] = path }, "feedback", "--since", "2025-02-01", "--json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["newest question", "كم رفع الناتو عدد جنوده؟"], lines.Select(l => l.GetProperty("question").GetString()));
        Assert.Equal("wrong person", lines[0].GetProperty("comment").GetString());
        Assert.Equal(8, lines[0].GetProperty("citations")[0].GetProperty("paragraph").GetInt32());
    }

    [Fact]
    public async Task Feedback_BadDate_IsAUsageError_AndNoFileIsNoError()
    {
        using var temp = new TempFolder();
        var bad = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Feedback__Path"] = temp.File("none.jsonl") }, "feedback", "--since", "last tuesday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--since", bad.Error);

        var none = await NewsQACli.RunWithEnvironmentAsync(new() { ["NEWSQA_Feedback__Path"] = temp.File("none.jsonl") }, "feedback");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No disliked answers.", none.Output);
    }
}

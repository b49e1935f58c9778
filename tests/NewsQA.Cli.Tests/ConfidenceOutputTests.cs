using System.Text.Json;

namespace NewsQA.Cli.Tests;

/// <summary>
/// `newsqa ask` shows the three confidence levels in both languages: `--json` carries `confidence` and, only when shown,
/// `shortAnswer` with its own `confidence`; the text says the level. The calibration is opened or closed by settings, so
/// that the output, not the fitted thresholds, is tested.
/// </summary>
public class ConfidenceOutputTests
{
    private static readonly string[] Questions =
    [
        "كم رفع الناتو عدد جنوده في العراق؟",
        "How many soldiers did NATO's mission in Iraq grow to under Jens Stoltenberg?",
        "ما هي عاصمة اليابان؟",
        "What is the capital of Japan?",
    ];

    private static async Task<List<JsonElement>> AskAsync(TempFolder temp, string minAnswered, string minShortAnswer, bool json = true)
    {
        var file = temp.File($"questions-{minAnswered}-{minShortAnswer}.txt");
        await File.WriteAllLinesAsync(file, Questions);
        var result = await NewsQACli.RunWithEnvironmentAsync(
            new() { ["NEWSQA_Answering__MinAnswered"] = minAnswered, ["NEWSQA_Answering__MinShortAnswerConfidence"] = minShortAnswer },
            "ask", "--questions", file, "--json", "--corpus", NewsQACli.Seeds, "--index", temp.File("index"));
        Assert.Equal(0, result.ExitCode);
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    [Fact]
    public async Task Json_CarriesTheLevel_AndTheShortAnswerWithItsConfidence_OnlyWhenShown()
    {
        using var temp = new TempFolder();

        var answered = await AskAsync(temp, "0", "0");
        foreach (var answer in answered.Take(2))
        {
            Assert.Equal("answered", answer.GetProperty("confidence").GetString());
            var shortAnswer = answer.GetProperty("shortAnswer");
            Assert.InRange(shortAnswer.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.Equal("number", shortAnswer.GetProperty("type").GetString());
        }

        foreach (var answer in answered.Skip(2))
        {
            Assert.Equal("none", answer.GetProperty("confidence").GetString());
            Assert.False(answer.TryGetProperty("shortAnswer", out _));
        }

        var unshown = await AskAsync(temp, "0", "1");
        Assert.All(unshown.Take(2), a => Assert.Equal("answered", a.GetProperty("confidence").GetString()));
        Assert.All(unshown.Take(2), a => Assert.False(a.TryGetProperty("shortAnswer", out _)));
    }

    [Fact]
    public async Task TheClosestPassage_IsSaidToBeTheClosest_InEitherLanguage()
    {
        using var temp = new TempFolder();

        var closest = await AskAsync(temp, "1", "0");

        Assert.Equal("closest", closest[0].GetProperty("confidence").GetString());
        Assert.StartsWith("قد لا تجيب المقالات عن هذا السؤال بالضبط", closest[0].GetProperty("answer").GetString());
        Assert.Equal("closest", closest[1].GetProperty("confidence").GetString());
        Assert.StartsWith("The articles may not answer this exactly", closest[1].GetProperty("answer").GetString());
        Assert.All(closest.Take(2), a => Assert.False(a.TryGetProperty("shortAnswer", out _)));
        Assert.All(closest.Take(2), a => Assert.DoesNotContain("**", a.GetProperty("answer").GetString()));
    }
}

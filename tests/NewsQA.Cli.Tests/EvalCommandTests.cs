using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class EvalCommandTests
{
    // A tiny SQuAD-format set written here; the real sets are measured by hand (README) since they take longer.
    private const string Dataset = """
        {"data": [{"title": "t", "paragraphs": [
          {"context": "The coalition ended its combat mission in Iraq in December 2021.", "qas": [{"id": "q1", "question": "When did the coalition end its combat mission?", "answers": [{"text": "December 2021", "answer_start": 50}]}]},
          {"context": "Ain al-Asad air base hosts American advisers in Anbar province.", "qas": [{"id": "q2", "question": "Which base hosts American advisers in Anbar?", "answers": [{"text": "Ain al-Asad", "answer_start": 0}]}]},
          {"context": "NATO raised its mission from 500 to 4000 personnel.", "qas": [{"id": "q3", "question": "How many personnel does the NATO mission have?", "answers": [{"text": "4000", "answer_start": 34}]}]}
        ]}]}
        """;

    [Fact]
    public async Task EvalRetrieval_ReportsRecallMrrAndSpeed()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("set.json"), Dataset);
        var result = await NewsQACli.RunAsync("eval", "retrieval", "--dataset", temp.File("set.json"), "--json");
        Assert.Equal(0, result.ExitCode);

        var report = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(3, report.GetProperty("questions").GetInt32());
        Assert.Equal(3, report.GetProperty("passages").GetInt32());
        Assert.Equal(1.0, report.GetProperty("recallAt1").GetDouble());
        Assert.Equal(1.0, report.GetProperty("mrrAt10").GetDouble());
        Assert.True(report.GetProperty("queriesPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task EvalRetrieval_QuestionsFrom_AsksTheParallelQuestions()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("set.json"), Dataset);
        // The parallel file asks every question about NATO: only q3 can still find its own context first.
        await File.WriteAllTextAsync(temp.File("parallel.json"), Dataset
            .Replace("When did the coalition end its combat mission?", "NATO personnel", StringComparison.Ordinal)
            .Replace("Which base hosts American advisers in Anbar?", "NATO personnel", StringComparison.Ordinal));
        var result = await NewsQACli.RunAsync("eval", "retrieval", "--dataset", temp.File("set.json"), "--questions-from", temp.File("parallel.json"), "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1.0 / 3, JsonDocument.Parse(result.Output).RootElement.GetProperty("recallAt1").GetDouble(), 6);
    }

    [Fact]
    public async Task EvalRetrieval_MissingOrMalformedDataset_FailsWithAMessage()
    {
        using var temp = new TempFolder();
        var missing = await NewsQACli.RunAsync("eval", "retrieval", "--dataset", temp.File("nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json", missing.Error);

        await File.WriteAllTextAsync(temp.File("bad.json"), "{ not json");
        var malformed = await NewsQACli.RunAsync("eval", "retrieval", "--dataset", temp.File("bad.json"));
        Assert.Equal(1, malformed.ExitCode);
        Assert.False(malformed.HasStackTrace);
    }
}

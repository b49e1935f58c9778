using System.Text.Json;

namespace NewsQA.Cli.Tests;

public class TrainCommandTests
{
    // A small SQuAD-format training set written for this test (three paragraphs, two questions each).
    private static readonly object Squad = new
    {
        data = new[]
        {
            new
            {
                title = "t",
                paragraphs = new[]
                {
                    Paragraph("افتتح المتحف الوطني في المدينة عام 1962 بعد عشر سنوات من البناء. ويضم المتحف أكثر من 5000 قطعة أثرية.",
                        ("متى افتتح المتحف الوطني؟", "1962"), ("كم قطعة أثرية يضم المتحف؟", "5000 قطعة")),
                    Paragraph("قال مدير المتحف سامي الخطيب إن الزوار يأتون من كل المحافظات. وأضاف أن المتحف يفتح أبوابه كل يوم.",
                        ("من هو مدير المتحف؟", "سامي الخطيب"), ("من أين يأتي الزوار؟", "من كل المحافظات")),
                    Paragraph("يقع النهر الكبير شمال المدينة ويبلغ طوله 300 كيلومتر. وتعتمد الزراعة في المنطقة على مياهه.",
                        ("أين يقع النهر الكبير؟", "شمال المدينة"), ("كم يبلغ طول النهر الكبير؟", "300 كيلومتر")),
                },
            },
        },
    };

    private static object Paragraph(string context, params (string Question, string Answer)[] questions) => new
    {
        context,
        qas = questions.Select((q, i) => new { id = $"{q.Question.GetHashCode():x}{i}", question = q.Question, answers = new[] { new { text = q.Answer, answer_start = context.IndexOf(q.Answer, StringComparison.Ordinal) } } }).ToArray(),
    };

    [Fact]
    public async Task Train_RefitsEveryModel_FromTrainingData_Deterministically()
    {
        using var temp = new TempFolder();
        var squad = temp.File("train.json");
        await File.WriteAllTextAsync(squad, JsonSerializer.Serialize(Squad));
        var seeds = temp.File("seed.tsv");
        await File.WriteAllLinesAsync(seeds,
        [
            "من هو المتحدث باسم الحشد الشعبي؟\t000_ab59f3dd8cbc7909\tكريم النوري\t-",
            "Who is the NATO secretary general?\t001_d149adc8417d1233\tينس ستولتنبرغ\t-",
            "من هو وزير الداخلية العراقي؟\t-\t-\tوزير الداخليه",
            "How many German soldiers serve in Iraq?\t-\t-\tالماني",
        ]);

        string[] Args(string output) => ["train", "--arcd", squad, "--seed-questions", seeds, "--seeds", NewsQACli.Seeds, "--output-dir", output, "--json"];
        var examples = temp.File("examples.jsonl");
        var first = await NewsQACli.RunAsync([.. Args(temp.File("a")), "--examples", examples]);
        var second = await NewsQACli.RunAsync(Args(temp.File("b")));

        Assert.Equal(0, first.ExitCode);
        foreach (var name in new[] { "answerability.json", "short-answer.json", "short-answer-gate.json" })
        {
            var a = await File.ReadAllTextAsync(Path.Combine(temp.File("a"), name));
            Assert.Equal(a, await File.ReadAllTextAsync(Path.Combine(temp.File("b"), name))); // same data, same bytes
            var model = JsonDocument.Parse(a).RootElement;
            Assert.Equal(model.GetProperty("features").GetArrayLength(), model.GetProperty("weights").GetArrayLength());
            Assert.InRange(model.GetProperty("threshold").GetDouble(), 0, 1);
        }

        var report = JsonDocument.Parse(first.Output).RootElement;
        Assert.Equal(6, report.GetProperty("answerability").GetProperty("questions").GetProperty("arcd-train").GetInt32());
        Assert.Contains("cross-validation", report.GetProperty("answerability").GetProperty("threshold").GetString());

        // The examples as fitted: every one with the model's features, and among the negatives the ones asked over their
        // own paragraph with the answer's sentence taken out (each paragraph here has a second sentence to keep).
        var lines = (await File.ReadAllLinesAsync(examples)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var featureCount = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(temp.File("a"), "answerability.json"))).RootElement.GetProperty("features").GetArrayLength();
        Assert.All(lines, l => Assert.Equal(featureCount, l.GetProperty("features").EnumerateObject().Count()));
        Assert.Contains(lines, l => l.GetProperty("answerRemoved").GetBoolean() && l.GetProperty("label").GetDouble() == 0);
    }

    [Fact]
    public async Task Train_MissingTrainingSet_IsAUsageError()
    {
        using var temp = new TempFolder();
        var result = await NewsQACli.RunAsync("train", "--arcd", temp.File("none.json"), "--output-dir", temp.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Training set not found", result.Error);
    }
}

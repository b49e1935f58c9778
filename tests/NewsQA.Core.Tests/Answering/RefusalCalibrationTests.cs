using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>Answering:RefusalCalibration chooses which of the shipped model's fitted thresholds decide a refusal.</summary>
public class RefusalCalibrationTests
{
    private const string Sentence = "وقال وزير الخارجية إن المحادثات مستمرة.";

    private static async Task<(double SameLanguage, double CrossLingual, LinearModel Model)> ThresholdsAsync(string? calibration)
    {
        await using var services = await AnsweringServices.CreateAsync(settings: calibration is null ? null : new() { ["Answering:RefusalCalibration"] = calibration });
        var judge = services.Get<AnswerabilityJudge>();
        var passage = new Passage("p", "d", "t", 1, 1, null, Sentence, SentenceSplitter.Split(Sentence));
        var sentence = new SentenceEvidence(passage, passage.Sentences[0], 1, 1, 1);
        var model = LinearModel.Load(services.Get<IOptions<AnsweringOptions>>().Value.ResolvedAnswerabilityModelPath, AnswerabilityFeatures.Names);
        return (judge.Threshold(judge.Read("ماذا قال وزير الخارجية؟", services.Index), sentence),
            judge.Threshold(judge.Read("What did the foreign minister say?", services.Index), sentence), model);
    }

    [Fact]
    public async Task TheGeneralThresholds_ApplyByDefault()
    {
        var (same, cross, model) = await ThresholdsAsync(null);

        Assert.Equal(model.Threshold, same);
        Assert.Equal(model.CrossLingualThreshold, cross);
    }

    [Fact]
    public async Task TheNewsCalibration_AppliesTheThresholdsChosenOnNewsQuestions()
    {
        var (same, cross, model) = await ThresholdsAsync("News");

        Assert.NotNull(model.NewsThreshold);
        Assert.Equal(model.NewsThreshold, same);
        Assert.Equal(model.NewsCrossLingualThreshold, cross);
        Assert.True(model.NewsThreshold > model.Threshold, "news questions separate better, so their threshold is higher");
    }

    [Fact]
    public void AModelWithoutNewsThresholds_KeepsTheGeneralOnes()
    {
        var model = new LinearModel("m", ["x"], [1], 0, 0.2, new Dictionary<string, System.Text.Json.JsonElement>()) { CrossLingualThreshold = 0.1 };

        Assert.Equal(0.2, model.ThresholdFor(RefusalCalibration.News, crossLingual: false));
        Assert.Equal(0.1, model.ThresholdFor(RefusalCalibration.News, crossLingual: true));
    }
}

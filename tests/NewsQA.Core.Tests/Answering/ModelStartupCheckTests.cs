using NewsQA.Core.Answering.Models;
using NewsQA.Core.Configuration;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>The fitted models are checked against the features this build computes when the host starts, each failure naming its setting.</summary>
public class ModelStartupCheckTests
{
    [Fact]
    public void TheShippedModels_MatchTheFeaturesComputed() =>
        Assert.True(new ModelStartupCheck().Validate(null, new AnsweringOptions()).Succeeded);

    [Fact]
    public void AModelFittedForOtherFeatures_StopsStartUp_NamingItsSetting()
    {
        using var temp = new TempFolder();
        var model = new LinearModel("short-answer-gate", ["spanProbability", "somethingElse"], [1, 2], 0, 0.5, new Dictionary<string, System.Text.Json.JsonElement>());
        var path = temp.File("gate.json");
        model.Save(path);

        var result = new ModelStartupCheck().Validate(null, new AnsweringOptions { ShortAnswerGateModelPath = path });

        Assert.True(result.Failed);
        Assert.Contains("Answering:ShortAnswerGateModelPath", result.FailureMessage);
        Assert.Contains("somethingElse", result.FailureMessage);
        Assert.DoesNotContain("Answering:AnswerabilityModelPath", result.FailureMessage);
    }

    [Fact]
    public void EveryFeatureSet_NamesEachFeatureOnce() =>
        Assert.Throws<ArgumentException>(() => new FeatureSet<int>(new Feature<int>("a", _ => 0), new Feature<int>("a", _ => 1)));
}

using System.Text.Json;
using System.Text.Json.Serialization;
using NewsQA.Core.Answering.Evidence;

namespace NewsQA.Core.Answering.Models;

/// <summary>
/// A fitted linear model as it ships in <c>models/</c>: named features, their weights and a bias, and the decision
/// threshold on the logistic of the score (a second one for questions in another language than the sentence, whose
/// evidence passes through translation). <see cref="Training"/> records how it was fitted and how the thresholds were
/// chosen, so the file says where its numbers came from. `newsqa train` writes it; the answerer only reads it.
/// </summary>
public sealed record LinearModel(
    string Name,
    IReadOnlyList<string> Features,
    IReadOnlyList<double> Weights,
    double Bias,
    double Threshold,
    IReadOnlyDictionary<string, JsonElement> Training)
{
    /// <summary>The threshold for a question whose sentence is in the other language; <see cref="Threshold"/> when absent.</summary>
    public double? CrossLingualThreshold { get; init; }

    /// <summary>The thresholds chosen on news questions alone (<see cref="RefusalCalibration.News"/>); absent in a model fitted without them.</summary>
    public double? NewsThreshold { get; init; }

    /// <inheritdoc cref="NewsThreshold"/>
    public double? NewsCrossLingualThreshold { get; init; }

    /// <summary>
    /// The probability from which an answer is <see cref="AnswerConfidence.Answered"/> rather than
    /// <see cref="AnswerConfidence.Closest"/> (the answerability model's; absent in other models and in a model fitted
    /// without it, when every answer not refused is answered).
    /// </summary>
    public double? AnsweredThreshold { get; init; }

    /// <inheritdoc cref="AnsweredThreshold"/>
    public double? AnsweredCrossLingualThreshold { get; init; }

    /// <summary>The threshold for a sentence in the question's language or not, under a calibration (the general one where the model has no other).</summary>
    public double ThresholdFor(RefusalCalibration calibration, bool crossLingual) => (calibration, crossLingual) switch
    {
        (RefusalCalibration.News, false) when NewsThreshold is { } news => news,
        (RefusalCalibration.News, true) when NewsCrossLingualThreshold is { } news => news,
        (_, true) => CrossLingualThreshold ?? Threshold,
        _ => Threshold,
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The linear score of a feature vector (before the logistic).</summary>
    public double Score(IReadOnlyList<double> features)
    {
        var score = Bias;
        for (var i = 0; i < Weights.Count; i++) score += Weights[i] * features[i];
        return score;
    }

    /// <summary>The logistic of the score: the fitted probability.</summary>
    public double Probability(IReadOnlyList<double> features) => 1 / (1 + Math.Exp(-Score(features)));

    /// <summary>Reads a model file and checks that it holds the features the code computes, in the same order.</summary>
    public static LinearModel Load(string path, IReadOnlyList<string> expectedFeatures)
    {
        var model = JsonSerializer.Deserialize<LinearModel>(File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException($"{path}: empty model file.");
        if (!model.Features.SequenceEqual(expectedFeatures) || model.Weights.Count != model.Features.Count)
        {
            throw new InvalidDataException($"{path}: the model's features ({string.Join(", ", model.Features)}) are not the ones this version computes; refit it with `newsqa train`.");
        }

        return model;
    }

    /// <summary>Writes the model file, numbers rounded so that a refit on the same data gives the same bytes.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var rounded = this with
        {
            Weights = [.. Weights.Select(w => Math.Round(w, 6))], Bias = Math.Round(Bias, 6), Threshold = Math.Round(Threshold, 6),
            CrossLingualThreshold = Round(CrossLingualThreshold),
            NewsThreshold = Round(NewsThreshold),
            NewsCrossLingualThreshold = Round(NewsCrossLingualThreshold),
            AnsweredThreshold = Round(AnsweredThreshold),
            AnsweredCrossLingualThreshold = Round(AnsweredCrossLingualThreshold),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(rounded, Json) + "\n");
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
}

using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Answering.Models;

/// <summary>
/// Reads every fitted model file when the host starts (through ValidateOnStart) and checks it against the features this
/// build computes (each model's <see cref="FeatureSet{T}"/>), so a model fitted for another version stops start-up with
/// the setting and the file named instead of failing a user's first question.
/// </summary>
public sealed class ModelStartupCheck : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        (string Key, string Path, IReadOnlyList<string> Features)[] models =
        [
            ("Answering:AnswerabilityModelPath", options.ResolvedAnswerabilityModelPath, AnswerabilityFeatures.Set.Names),
            ("Answering:ShortAnswerModelPath", options.ResolvedShortAnswerModelPath, AnswerSpanFeatures.Set.Names),
            ("Answering:ShortAnswerGateModelPath", options.ResolvedShortAnswerGateModelPath, ShortAnswerGateFeatures.Set.Names),
        ];
        var failures = new List<string>();
        foreach (var (key, path, features) in models)
        {
            // A missing file is reported by AnsweringOptions' own validation.
            if (!File.Exists(path)) continue;
            try
            {
                LinearModel.Load(path, features);
            }
            catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or IOException)
            {
                failures.Add($"{key}: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

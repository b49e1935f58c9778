using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering;
using NewsQA.Core.Indexing;
using NewsQA.Tools.Evaluation;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa train`: refits the models that ship in models/ from training data only (ARCD's training split and the
/// questions written over the seed articles), deterministically: the same data gives the same files.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var arcd = new Option<string>("--arcd") { Description = "ARCD training split (SQuAD format).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "arcd", "arcd-train.json") };
        var seedQuestions = new Option<string>("--seed-questions") { Description = "Training questions written over the seed articles.", DefaultValueFactory = _ => Path.Combine("models", "seed-training-questions.tsv") };
        var seeds = new Option<string>("--seeds") { Description = "The seed articles the seed questions are about.", DefaultValueFactory = _ => "seeds" };
        var output = new Option<string>("--output-dir") { Description = "Folder the model files are written to.", DefaultValueFactory = _ => "models" };
        var examplesPath = new Option<string?>("--examples") { Description = "Also write the answerability training examples (features, labels, folds) to this JSON-lines file, for analysis." };
        var shortAnswerOnly = new Option<bool>("--short-answer-only") { Description = "Refit only the short-answer model (a minute instead of several)." };
        var json = CommonOptions.Json();
        var command = new Command("train", "Refit the answerability and short-answer models from training data; prints how their thresholds were chosen.") { arcd, seedQuestions, seeds, output, examplesPath, shortAnswerOnly, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var arcdPath = result.GetValue(arcd)!;
            var seedPath = result.GetValue(seedQuestions)!;
            var seedFolder = result.GetValue(seeds)!;
            if (!File.Exists(arcdPath)) throw new UsageException($"Training set not found: {Path.GetFullPath(arcdPath)}");
            if (!File.Exists(seedPath)) throw new UsageException($"Seed training questions not found: {Path.GetFullPath(seedPath)}");
            if (!Directory.Exists(seedFolder)) throw new UsageException($"Seed articles not found: {Path.GetFullPath(seedFolder)}");

            var services = host.Services;
            var arcdSet = SquadDataset.Load(arcdPath);
            using var arcdIndex = await services.GetRequiredService<RetrievalEvaluator>().IndexContextsAsync(arcdSet, ct);
            var temp = Path.Combine(Path.GetTempPath(), $"newsqa-train-{Guid.NewGuid():N}");
            try
            {
                using (var seedIndex = (await services.GetRequiredService<CorpusIndexer>().UpdateAsync(seedFolder, temp, null, ct)).Live)
                using (var seedLease = seedIndex.Acquire())
                {
                    var encoder = services.GetRequiredService<PassageEncoder>();
                    using var arcdCorpus = await TrainingCorpus.CreateAsync(arcdIndex, encoder, ct);
                    using var seedCorpus = await TrainingCorpus.CreateAsync(seedLease.Index, encoder, ct);
                    var questions = TrainingQuestions.FromSquad("arcd-train", arcdSet, arcdCorpus)
                        .Concat(TrainingQuestions.FromSeeds(SeedTrainingQuestion.Load(seedPath), seedCorpus)).ToList();
                    var trainer = services.GetRequiredService<AnswerabilityTrainer>();
                    var path = Path.Combine(result.GetValue(output)!, "answerability.json");
                    LinearModel? model = null;
                    Dictionary<string, JsonElement>? report = null;
                    if (!result.GetValue(shortAnswerOnly))
                    {
                        var examples = await trainer.CollectAsync(questions, ct);
                        if (result.GetValue(examplesPath) is { } dump) TrainingExampleFile.Write(dump, examples);
                        (model, report) = trainer.Fit(examples);
                        model.Save(path);
                    }

                    var spans = services.GetRequiredService<ShortAnswerTrainer>();
                    var (spanModel, spanReport) = spans.Fit(spans.Collect(questions));
                    var spanPath = Path.Combine(result.GetValue(output)!, "short-answer.json");
                    spanModel.Save(spanPath);
                    Console.WriteLine(result.GetValue(json)
                        ? JsonOutput.Line(new { answerability = report, shortAnswer = spanReport })
                        : (model is null ? string.Empty : $"answerability: thresholds {model.Threshold:0.000} / {model.CrossLingualThreshold:0.000} (cross-lingual); news calibration {model.NewsThreshold:0.000} / {model.NewsCrossLingualThreshold:0.000}, written to {path}\n{JsonOutput.Line(report!)}\n") +
                          $"short answers: written to {spanPath}\n{JsonOutput.Line(spanReport)}");
                }
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}

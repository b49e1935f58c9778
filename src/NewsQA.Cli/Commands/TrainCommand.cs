using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Models;
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
        var seeds = new Option<string[]>("--seeds") { Description = "The articles the seed questions are about (folders indexed together).", DefaultValueFactory = _ => ["seeds", Path.Combine("models", "articles")], AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output-dir") { Description = "Folder the model files are written to.", DefaultValueFactory = _ => "models" };
        var examplesPath = new Option<string?>("--examples") { Description = "Also write the answerability training examples (features, labels, folds) to this JSON-lines file, for analysis." };
        var shortAnswerOnly = new Option<bool>("--short-answer-only") { Description = "Refit only the short-answer model (a minute instead of several)." };
        var json = CommonOptions.Json();
        var command = new Command("train", "Refit the answerability, short-answer and short-answer gate models from training data; prints how their thresholds were chosen.") { arcd, seedQuestions, seeds, output, examplesPath, shortAnswerOnly, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var arcdPath = result.GetValue(arcd)!;
            var seedPath = result.GetValue(seedQuestions)!;
            var seedFolders = result.GetValue(seeds)!;
            if (!File.Exists(arcdPath)) throw new UsageException($"Training set not found: {Path.GetFullPath(arcdPath)}");
            if (!File.Exists(seedPath)) throw new UsageException($"Seed training questions not found: {Path.GetFullPath(seedPath)}");
            if (seedFolders.FirstOrDefault(f => !Directory.Exists(f)) is { } missing) throw new UsageException($"Seed articles not found: {Path.GetFullPath(missing)}");

            var services = host.Services;
            var arcdSet = SquadDataset.Load(arcdPath);
            using var arcdIndex = await services.GetRequiredService<RetrievalEvaluator>().IndexContextsAsync(arcdSet, ct);
            using (var seedIndex = await ArticleFolders.IndexAsync(services.GetRequiredService<CorpusIndexer>(), seedFolders, ct))
            {
                var encoder = services.GetRequiredService<PassageEncoder>();
                using var arcdCorpus = await TrainingCorpus.CreateAsync(arcdIndex, encoder, ct);
                using var seedCorpus = await TrainingCorpus.CreateAsync(seedIndex.Index, encoder, ct);
                var questions = TrainingQuestions.FromSquad("arcd-train", arcdSet, arcdCorpus)
                    .Concat(TrainingQuestions.FromSeeds(SeedTrainingQuestion.Load(seedPath), seedCorpus)).ToList();
                var trainer = services.GetRequiredService<AnswerabilityTrainer>();
                var folder = result.GetValue(output)!;
                var path = Path.Combine(folder, "answerability.json");
                LinearModel? model = null;
                Dictionary<string, JsonElement>? report = null;
                // The gate reads each training question with an answerability model fitted without its fold (the
                // shipped model when only the short answers are refitted).
                Func<TrainingQuestion, LinearModel> answerabilityOf = _ => model!;
                if (!result.GetValue(shortAnswerOnly))
                {
                    var examples = await trainer.CollectAsync(questions, ct);
                    if (result.GetValue(examplesPath) is { } dump) TrainingExampleFile.Write(dump, examples);
                    (model, report) = trainer.Fit(examples);
                    model.Save(path);
                    var folds = AnswerabilityTrainer.FoldModels(examples);
                    answerabilityOf = q => folds[q.Fold];
                }
                else
                {
                    model = LinearModel.Load(path, AnswerabilityFeatures.Set.Names);
                }

                var spans = services.GetRequiredService<ShortAnswerTrainer>();
                var (spanModel, spanReport) = spans.Fit(spans.Collect(questions));
                var spanPath = Path.Combine(folder, "short-answer.json");
                spanModel.Save(spanPath);
                // The gate judges the spans the model just fitted chooses.
                var gates = services.GetRequiredService<ShortAnswerGateTrainer>();
                var (gateModel, gateReport) = gates.Fit(await gates.CollectAsync(questions, spanModel, answerabilityOf, ct));
                var gatePath = Path.Combine(folder, "short-answer-gate.json");
                gateModel.Save(gatePath);
                Console.WriteLine(result.GetValue(json)
                    ? JsonOutput.Line(new { answerability = report, shortAnswer = spanReport, shortAnswerGate = gateReport })
                    : (report is null ? string.Empty : $"answerability: thresholds {model.Threshold:0.000} / {model.CrossLingualThreshold:0.000} (cross-lingual); news calibration {model.NewsThreshold:0.000} / {model.NewsCrossLingualThreshold:0.000}, written to {path}\n{JsonOutput.Line(report!)}\n") +
                      $"short answers: written to {spanPath}\n{JsonOutput.Line(spanReport)}\n" +
                      $"short-answer gate: threshold {gateModel.Threshold:0.000}, written to {gatePath}\n{JsonOutput.Line(gateReport)}");
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}

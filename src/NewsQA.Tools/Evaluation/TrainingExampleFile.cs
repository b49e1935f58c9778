using System.Text.Json;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Questions;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Writes answerability training examples as JSON lines (`newsqa train --examples`), so that a feature or a threshold
/// rule can be studied on the training data without refitting through the whole answerer each time.
/// </summary>
public static class TrainingExampleFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One line per example: its question's source, fold, asked type and answerability, and the example's role, label and features.</summary>
    public static void Write(string path, IEnumerable<TrainingExample> examples)
    {
        using var writer = new StreamWriter(path);
        foreach (var e in examples)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                source = e.Question.Source,
                question = e.Question.Text,
                fold = e.Question.Fold,
                type = AnswerTypeDetector.Detect(e.Question.Text).ToString(),
                answerable = e.Question.IsAnswerable,
                runtime = e.Runtime,
                answerRemoved = e.AnswerRemoved,
                crossLingual = e.CrossLingual,
                label = e.Label,
                coverage = e.Coverage,
                features = AnswerabilityFeatures.Names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => e.Features[x.i]),
            }, Json));
        }
    }
}

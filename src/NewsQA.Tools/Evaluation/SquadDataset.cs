using System.Text.Json;
using NewsQA.Core.Ingestion;

namespace NewsQA.Tools.Evaluation;

/// <summary>A SQuAD v1.1-format question-answering set: distinct contexts, and questions pointing at their context.</summary>
public sealed class SquadDataset
{
    private SquadDataset(IReadOnlyList<string> contexts, IReadOnlyList<SquadQuestion> questions)
    {
        Contexts = contexts;
        Questions = questions;
    }

    public IReadOnlyList<string> Contexts { get; }

    public IReadOnlyList<SquadQuestion> Questions { get; }

    /// <summary>A set made of given passages and questions (question text, index of its passage), for benchmarks.</summary>
    public static SquadDataset FromPassages(IReadOnlyList<string> passages, IReadOnlyList<(string Question, int Gold)> questions) =>
        new(passages, [.. questions.Select((q, i) => new SquadQuestion($"q{i}", q.Question, q.Gold, []))]);

    /// <summary>Reads a SQuAD JSON file; identical context strings are one context.</summary>
    public static SquadDataset Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var contexts = new List<string>();
        var contextIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var questions = new List<SquadQuestion>();
        foreach (var article in json.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                var context = paragraph.GetProperty("context").GetString() ?? string.Empty;
                if (!contextIndex.TryGetValue(context, out var index))
                {
                    index = contexts.Count;
                    contextIndex[context] = index;
                    contexts.Add(context);
                }

                foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                {
                    var answers = qa.TryGetProperty("answers", out var a)
                        ? a.EnumerateArray().Select(x => new SquadAnswer(x.GetProperty("text").GetString() ?? string.Empty, x.GetProperty("answer_start").GetInt32())).ToList()
                        : [];
                    questions.Add(new SquadQuestion(qa.GetProperty("id").GetString() ?? string.Empty, qa.GetProperty("question").GetString() ?? string.Empty, index, answers));
                }
            }
        }

        return new SquadDataset(contexts, questions);
    }

    /// <summary>
    /// Sentence boundaries per context from an XQuAD-R-style file (each paragraph's "sentence_breaks": [start, end)
    /// pairs), keyed by context text.
    /// </summary>
    public static Dictionary<string, List<SentenceSpan>> LoadSentenceBreaks(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var breaks = new Dictionary<string, List<SentenceSpan>>(StringComparer.Ordinal);
        foreach (var article in json.RootElement.GetProperty("data").EnumerateArray())
        {
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                if (!paragraph.TryGetProperty("sentence_breaks", out var pairs)) continue;
                breaks[paragraph.GetProperty("context").GetString() ?? string.Empty] =
                    [.. pairs.EnumerateArray().Select(p => new SentenceSpan(p[0].GetInt32(), p[1].GetInt32() - p[0].GetInt32()))];
            }
        }

        return breaks;
    }

    /// <summary>The same questions with their text taken from a parallel file (same ids), for cross-lingual runs.</summary>
    public SquadDataset WithQuestionsFrom(SquadDataset parallel)
    {
        var others = parallel.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var missing = Questions.Count(q => !others.ContainsKey(q.Id));
        if (missing > 0) throw new InvalidDataException($"{missing} question ids have no counterpart in the parallel file.");
        return new SquadDataset(Contexts, [.. Questions.Select(q => q with { Text = others[q.Id].Text, ParallelAnswers = others[q.Id].Answers })]);
    }
}

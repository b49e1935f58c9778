using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// The near-topic evaluation set keeps its shape: at least 40 questions, half in each language, each with the words
/// searched for and what the search found. (Its refusal rate is measured by scripts/eval-refusals.sh, not asserted.)
/// </summary>
public class NearTopicSetTests
{
    private static List<string[]> Rows() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "near-topic-unanswerable.tsv"))
            .Where(l => !l.StartsWith('#') && l.Trim().Length > 0).Select(l => l.Split('\t'))];

    [Fact]
    public void Set_HasFortyQuestionsOrMore_HalfArabicHalfEnglish_EachWithItsSearch()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 40);
        Assert.Equal(rows.Count / 2, rows.Count(r => LanguageDetector.DetectAnswerLanguage(r[0]) == TextLanguage.Arabic));
        Assert.All(rows, r => Assert.True(r.Length == 3 && r[1].Length > 0 && r[2].Length > 0, string.Join(" | ", r)));
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public void Set_SharesNoQuestionWithTheTrainingQuestions()
    {
        var training = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "models", "seed-training-questions.tsv")).Select(l => l.Split('\t')[0]).ToHashSet();
        Assert.DoesNotContain(Rows(), r => training.Contains(r[0]));
    }
}

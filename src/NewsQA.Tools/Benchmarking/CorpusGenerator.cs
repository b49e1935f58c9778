using NewsQA.Core.Ingestion;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// Scales a set of real paragraphs to N passages by recombining their sentences (seeded, so the same seed gives the
/// same corpus). The paragraphs whose questions are asked are kept whole and first, so those questions keep their true
/// answers among N distractors written in the same language and style.
/// </summary>
public static class CorpusGenerator
{
    private const int MinSentences = 3;
    private const int MaxSentences = 6;

    public static BenchmarkCorpus Generate(
        IReadOnlyList<string> keptParagraphs,
        IReadOnlyList<(string Question, int Gold)> questions,
        IReadOnlyList<string> sourceParagraphs,
        int size,
        int seed)
    {
        var sentences = sourceParagraphs.Concat(keptParagraphs)
            .SelectMany(p => SentenceSplitter.Split(p).Select(s => p.Substring(s.Start, s.Length)))
            .Where(s => s.Length >= 20).Distinct().ToArray();
        var passages = new List<string>(Math.Max(size, keptParagraphs.Count));
        passages.AddRange(keptParagraphs);
        var random = new Random(seed);
        while (passages.Count < size)
        {
            var count = random.Next(MinSentences, MaxSentences + 1);
            passages.Add(string.Join(' ', Enumerable.Range(0, count).Select(_ => sentences[random.Next(sentences.Length)])));
        }

        return new BenchmarkCorpus(passages, questions);
    }
}

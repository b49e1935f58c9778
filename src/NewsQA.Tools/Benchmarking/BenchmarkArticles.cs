namespace NewsQA.Tools.Benchmarking;

/// <summary>Article texts for the benchmarks that drop articles into a running service's folder: a title line, then paragraphs.</summary>
public static class BenchmarkArticles
{
    /// <summary>
    /// <paramref name="count"/> articles of <paramref name="paragraphs"/> paragraphs each: <paramref name="kept"/> whole
    /// first, then paragraphs recombined from the sentences of both (seeded: the same seed writes the same articles).
    /// </summary>
    public static List<string> Texts(IReadOnlyList<string> kept, IReadOnlyList<string> sources, int count, int paragraphs, int seed)
    {
        var corpus = CorpusGenerator.Generate(kept, [], sources, count * paragraphs, seed);
        return [.. Enumerable.Range(0, count).Select(a => $"مقال رقم {a + 1} من مجموعة القياس\n\n{string.Join("\n\n", corpus.Passages.Skip(a * paragraphs).Take(paragraphs))}\n")];
    }
}

using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Support;

/// <summary>
/// Seeded random corpora and queries for comparing two ways of scoring: several segments, deleted passages,
/// Zipf-distributed words (a few very common, as 4-grams are), weighted terms, synonym groups.
/// </summary>
internal static class RandomCorpus
{
    public static readonly string[] Vocabulary = [.. Enumerable.Range(0, 120).Select(Word)];

    public static RetrievalQuery Query(Random random)
    {
        var words = Enumerable.Range(0, random.Next(1, 8))
            .Select(_ => Vocabulary[Zipf(random)]).ToList();
        var text = string.Join(' ', words);
        var terms = words.Select(w => new WeightedTerm(Stem(w), random.Next(4) == 0 ? 0.25 : 1)).ToList();
        // Half the queries also carry light common words, as a question carries its grams: where the cut pays.
        if (random.Next(2) == 0) terms.AddRange(Enumerable.Range(0, random.Next(3, 9)).Select(_ => new WeightedTerm(Stem(Vocabulary[random.Next(8)]), 0.2)));
        terms.AddRange(CharacterGrams.Analyze(text).Where(_ => random.Next(2) == 0).Select(g => new WeightedTerm(g, 0.3)));
        var groups = Enumerable.Range(0, random.Next(3))
            .Select(_ => new QueryGroup([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Stem(Vocabulary[Zipf(random)]))], random.NextDouble() + 0.1)).ToList();
        return new RetrievalQuery(terms, text) { Groups = groups };
    }

    // Passages of Zipf-distributed words, committed in several segments, with one passage in ten deleted afterwards.
    public static async Task<PassageIndex> BuildAsync(Random random, int passages, int segments)
    {
        var encoder = new TestIndexer().Encoder;
        var texts = Enumerable.Range(0, passages)
            .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(_ => Vocabulary[Zipf(random)]))).ToList();
        var directory = new RAMDirectory();
        var settings = new IndexSettings(TextAnalyzer.Version, encoder.EmbedderId, 0, 1200);
        using (var writer = PassageIndexWriter.Open(directory, settings, create: true))
        {
            for (var i = 0; i < passages; i++)
            {
                var passage = new Passage($"p{i}", $"d{i}", $"doc {i}", 1, 1, null, texts[i], SentenceSplitter.Split(texts[i]));
                writer.Add(new IndexedDocument($"d{i}", "", $"doc {i}", null, "", await encoder.EncodeAsync([passage], CancellationToken.None)));
                if ((i + 1) % (passages / segments) == 0) writer.Commit();
            }

            for (var i = 0; i < passages; i += 10) writer.Remove($"d{i}");
            writer.Commit();
        }

        return PassageIndex.Open(directory);
    }

    public static string Stem(string word) => TextAnalyzer.Analyze(word).Single();

    private static int Zipf(Random random) => (int)Math.Min(Vocabulary.Length - 1, Math.Floor(Math.Pow(Vocabulary.Length + 1, random.NextDouble())) - 1);

    // Distinct made-up words that the English stemmer leaves distinct ("kavo", "bemi", ...).
    private static string Word(int n)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        return $"{consonants[n % 14]}{vowels[n / 14 % 5]}{consonants[(n / 70) + 3]}{vowels[n % 5]}";
    }
}

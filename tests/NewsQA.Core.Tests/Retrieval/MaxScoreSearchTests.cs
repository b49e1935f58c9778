using System.Diagnostics;
using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>
/// The pruned lexical search against scoring every posting, on seeded random corpora: several segments, deleted
/// passages, Zipf-distributed words (a few very common, as 4-grams are), weighted terms, synonym groups, both legs,
/// filters and depths from 1 up. MaxScore may skip postings but never change a result.
/// </summary>
public class MaxScoreSearchTests
{
    private const int Queries = 100;

    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 120).Select(Word)];

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    [InlineData(47)]
    public async Task PrunedSearch_ReturnsExactlyTheExhaustiveTopK(int seed)
    {
        var random = new Random(seed);
        using var index = await BuildAsync(random, passages: 400, segments: 4);
        Assert.True(index.Segments.Count > 1);
        var (compared, cut) = (0, 0);
        for (var q = 0; q < Queries; q++)
        {
            var query = RandomQuery(random);
            var k = new[] { 1, 3, 10, 100 }[random.Next(4)];
            var (keyword, vector) = (random.Next(4) != 0, random.Next(4) != 0);
            var (pruned, prunedReads) = Searched(index, query, keyword, vector, k, prune: true);
            var (exhaustive, exhaustiveReads) = Searched(index, query, keyword, vector, k, prune: false);
            Assert.Equal(exhaustive.Keyword, pruned.Keyword);
            Assert.Equal(exhaustive.Vector, pruned.Vector);
            compared += exhaustive.Keyword.Count + exhaustive.Vector.Count;
            if (prunedReads < exhaustiveReads) cut++;
        }

        Assert.True(compared > 500, $"only {compared} passages compared: the random queries match too little to test anything");
        Assert.True(cut >= 3, $"the cut was taken in only {cut} of {Queries} queries: the comparison would not test it");
    }

    [Fact]
    public async Task PrunedSearch_SkipsPostings_WhenCommonTermsCannotLiftAPassageIntoTheTop()
    {
        using var index = await BuildAsync(new Random(5), passages: 400, segments: 1);
        // One rare word and the most common ones: after the first few hits the common words only confirm candidates.
        var query = new RetrievalQuery([new WeightedTerm(Stem(Vocabulary[100]), 1), .. Vocabulary.Take(6).Select(w => new WeightedTerm(Stem(w), 0.2))], "");
        var pruned = PostingsRead(index, query, prune: true);
        var exhaustive = PostingsRead(index, query, prune: false);
        Assert.True(pruned < exhaustive / 2, $"pruned read {pruned} postings, exhaustive {exhaustive}");
    }

    [Fact]
    public async Task Filter_KeepsRefusedPassagesOutOfBothLegs()
    {
        using var index = await BuildAsync(new Random(3), passages: 200, segments: 2);
        var query = RandomQuery(new Random(4)) with { Filter = p => p % 3 == 0 };
        var (keyword, vector) = LexicalScorer.Search(index, query, true, true, 20, 0.9, 0.4, prune: true);
        Assert.NotEmpty(keyword);
        Assert.NotEmpty(vector);
        Assert.All(keyword.Concat(vector), hit => Assert.Equal(0, hit.PassageNumber % 3));
        var exhaustive = LexicalScorer.Search(index, query, true, true, 20, 0.9, 0.4, prune: false);
        Assert.Equal(exhaustive.Keyword, keyword);
    }

    private static long PostingsRead(PassageIndex index, RetrievalQuery query, bool prune) =>
        Searched(index, query, keyword: true, vector: false, 3, prune).Postings;

    // The search and how many postings it read (the count it reports on the current span).
    private static ((List<ScoredPassage> Keyword, List<ScoredPassage> Vector) Result, long Postings) Searched(
        PassageIndex index, RetrievalQuery query, bool keyword, bool vector, int k, bool prune)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == NewsQATelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var activity = NewsQATelemetry.Source.StartActivity("probe");
        var result = LexicalScorer.Search(index, query, keyword, vector, k, 0.9, 0.4, prune);
        return (result, activity!.GetTagItem(NewsQATelemetry.PostingsTag) is long read ? read : 0);
    }

    private static RetrievalQuery RandomQuery(Random random)
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
    private static async Task<PassageIndex> BuildAsync(Random random, int passages, int segments)
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

    private static string Stem(string word) => TextAnalyzer.Analyze(word).Single();

    private static int Zipf(Random random) => (int)Math.Min(Vocabulary.Length - 1, Math.Floor(Math.Pow(Vocabulary.Length + 1, random.NextDouble())) - 1);

    // Distinct made-up words that the English stemmer leaves distinct ("kavo", "bemi", ...).
    private static string Word(int n)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        return $"{consonants[n % 14]}{vowels[n / 14 % 5]}{consonants[(n / 70) + 3]}{vowels[n % 5]}";
    }
}

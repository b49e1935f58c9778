using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>The passage filter hook (RetrievalQuery.Filter): a passage it refuses is never a candidate of either leg.</summary>
public class PassageFilterTests
{
    private static RetrievalQuery Query(string text, Func<int, bool>? filter) => RetrievalQuery.FromQuestion(text, 0.25) with { Filter = filter };

    [Fact]
    public async Task BothLexicalLegs_LeaveOutWhatTheFilterRefuses()
    {
        using var index = await TinyIndex.BuildAsync(new TestIndexer(), "advisers in Baghdad", "advisers in Baghdad and Mosul", "nothing here");
        var best = LexicalScorer.Search(index, Query("advisers Baghdad", null), true, true, 10, 0.9, 0.4);
        var refused = index.Ids(best.Keyword)[0] == "p0" ? 0 : 1;
        var number = best.Keyword[0].PassageNumber;

        var (keyword, vector) = LexicalScorer.Search(index, Query("advisers Baghdad", p => p != number), true, true, 10, 0.9, 0.4);

        Assert.Equal(2, best.Keyword.Count);
        Assert.Equal([$"p{1 - refused}"], index.Ids(keyword));
        Assert.Equal([$"p{1 - refused}"], index.Ids(vector));
    }

    [Fact]
    public void TopSelection_AsksTheFilterOnlyAboutPassagesThatWouldEnter()
    {
        var asked = new List<int>();
        var top = TopSelector.Select([0f, 3f, 0f, 2f, 1f, 0f], 1, p =>
        {
            asked.Add(p);
            return p != 1;
        });

        Assert.Equal([3], top.Select(s => s.PassageNumber));
        Assert.Equal([1, 3], asked); // zeros are never asked about, nor 4 once 3 holds the only place with a higher score
    }

    [Fact]
    public void TheDenseLeg_LeavesOutWhatTheFilterRefuses()
    {
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, new IndexSettings(TextAnalyzer.Version, "provider/model", 2, 1200), create: true))
        {
            float[][] vectors = [[1f, 0f], [0.9f, 0.1f]];
            for (var i = 0; i < vectors.Length; i++)
            {
                writer.Add(new IndexedDocument($"d{i}", "", "t", null, "", [new IndexedPassage(new Passage($"p{i}", $"d{i}", "t", 1, 1, null, "text", []), vectors[i])]));
            }

            writer.Commit();
        }

        using var index = PassageIndex.Open(directory);
        var first = VectorSearcher.Search(index, [1f, 0f], 2)[0].PassageNumber;
        Assert.Equal(["p1"], index.Ids(VectorSearcher.Search(index, [1f, 0f], 2, p => p != first)));
    }
}

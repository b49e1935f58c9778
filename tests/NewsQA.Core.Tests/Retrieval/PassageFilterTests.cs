using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>The passage filter hook (RetrievalQuery.Filter): a passage it refuses is never a candidate of either lexical leg (the dense leg: VectorSearcherTests).</summary>
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
}

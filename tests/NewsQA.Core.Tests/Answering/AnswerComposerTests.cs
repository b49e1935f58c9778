using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

public class AnswerComposerTests
{
    private const string First = "The bridge reopened on Monday.";
    private const string Second = "Traffic returned within the hour.";
    private const string Other = "The mayor praised the engineers.";

    private static Passage P(string id, string text) => new(id, "d", "Bridge", 1, 1, null, text, SentenceSplitter.Split(text));

    private static SentenceEvidence Sentence(Passage passage, int index) => new(passage, passage.Sentences[index], 1, 1, 1);

    [Fact]
    public void TwoSentencesOfOneParagraph_ShareOneMarkerAndOneCitation_ThatSpansThemBoth()
    {
        var bridge = P("p1", $"{First} {Second}");
        var mayor = P("p2", Other);

        var (text, citations) = AnswerComposer.Compose(TextLanguage.English, [Sentence(bridge, 0), Sentence(mayor, 0), Sentence(bridge, 1)], bullets: true);

        Assert.Equal(["p1", "p2"], citations.Select(c => c.Passage.Id));
        Assert.Equal([1, 2], citations.Select(c => c.Marker));
        Assert.Equal($"- {First} [1]\n- {Other} [2]\n- {Second} [1]", text);
        Assert.Equal(bridge.Text, bridge.Text.Substring(citations[0].Sentence.Start, citations[0].Sentence.Length));
    }
}

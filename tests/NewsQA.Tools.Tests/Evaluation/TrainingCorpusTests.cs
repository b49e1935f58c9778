using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;
using NewsQA.Tools.Evaluation;

namespace NewsQA.Tools.Tests.Evaluation;

/// <summary>The training collections the answerability negatives are asked over.</summary>
public class TrainingCorpusTests
{
    private const string Paragraph = "The talks began in Baghdad. The French minister arrived on Monday. The talks ended late.";
    private const string Other = "Erbil hosted a second meeting. Nothing was decided there.";

    private static async Task<(PassageIndex Full, TrainingCorpus Corpus)> CreateAsync()
    {
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, new IndexSettings(TextAnalyzer.Version, PassageEncoder.OfflineId, 0, int.MaxValue), create: true))
        {
            foreach (var (id, text) in new[] { ("c0", Paragraph), ("c1", Other) })
            {
                var passage = new Passage(id, id, id, 1, 1, null, text, SentenceSplitter.Split(text));
                writer.Add(new IndexedDocument(id, string.Empty, id, null, string.Empty, [new IndexedPassage(passage, ReadOnlyMemory<float>.Empty)]));
            }

            writer.Commit();
        }

        var full = PassageIndex.Open(directory);
        return (full, await TrainingCorpus.CreateAsync(full, PassageEncoder.Offline, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutAnswer_TakesOutOnlyTheSentencesHoldingTheAnswer_AndKeepsTheRestOfItsParagraph()
    {
        var (full, corpus) = await CreateAsync();
        using (full)
        using (corpus)
        {
            var start = Paragraph.IndexOf("Monday", StringComparison.Ordinal);
            var index = await corpus.WithoutAnswerAsync("c0", start, "Monday".Length, CancellationToken.None);

            Assert.NotNull(index);
            var passage = index.Passages.Single(p => p.Id == "c0");
            Assert.Equal("The talks began in Baghdad. The talks ended late.", passage.Text);
            Assert.Equal(["The talks began in Baghdad.", "The talks ended late."], passage.Sentences.Select(s => passage.Text.Substring(s.Start, s.Length)));
            Assert.Equal(Other, index.Passages.Single(p => p.Id == "c1").Text);
            Assert.Contains(full.Passages, p => p.Text == Paragraph); // the whole collection is left as it was
        }
    }

    [Fact]
    public async Task WithoutAnswer_IsNone_WhenTheAnswerSpansEverySentence_OrNoSentenceHoldsIt()
    {
        var (full, corpus) = await CreateAsync();
        using (full)
        using (corpus)
        {
            Assert.Null(await corpus.WithoutAnswerAsync("c0", 0, Paragraph.Length, CancellationToken.None));
            Assert.Null(await corpus.WithoutAnswerAsync("c0", Paragraph.Length + 5, 3, CancellationToken.None));
            Assert.Null(await corpus.WithoutAnswerAsync("missing", 0, 3, CancellationToken.None));
        }
    }
}

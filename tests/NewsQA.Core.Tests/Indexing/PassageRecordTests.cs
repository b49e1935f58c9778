using Lucene.Net.Store;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Indexing;

/// <summary>A passage read back from the index is the passage written, whether it fits one doc value or not.</summary>
public class PassageRecordTests
{
    [Fact]
    public async Task Passages_ComeBackAsWritten_FromDocValues_AndTheOneTooLongForThem_FromStoredFields()
    {
        var shortText = "قال المتحدث إن التحالف سيبقى. وأضاف أن القوات ستنسحب في سبتمبر.";
        // Past Lucene 4.8's 32,766-byte limit for one binary doc value, in UTF-8.
        var longText = string.Join(' ', Enumerable.Repeat("تدريب القوات العراقية مستمر في قاعدة عين الأسد.", 800));
        var passages = new[]
        {
            new Passage("a:1", "a", "عنوان المقال", 1, 1, null, shortText, SentenceSplitter.Split(shortText)),
            new Passage("a:2", "a", "عنوان المقال", 2, 3, "عنوان فرعي", longText, SentenceSplitter.Split(longText)),
        };
        var encoder = new TestIndexer().Encoder;
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, new IndexSettings(TextAnalyzer.Version, encoder.EmbedderId, 0, int.MaxValue), create: true))
        {
            writer.Add(new IndexedDocument("a", "hash", "عنوان المقال", null, "a.txt", await encoder.EncodeAsync(passages, CancellationToken.None)));
            writer.Commit();
        }

        using var index = PassageIndex.Open(directory);
        var read = index.Passages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(2, read.Count);
        for (var i = 0; i < passages.Length; i++)
        {
            Assert.Equal(passages[i] with { Sentences = [] }, read[i] with { Sentences = [], Entities = null });
            Assert.Equal(passages[i].Sentences, read[i].Sentences);
            // The names, numbers and dates recognized at indexing come back with the passage, whichever way it is stored.
            Assert.Equal(SentenceSpans.Recognize(passages[i], EntityLexicon.General).Select(e => e.Kind), read[i].Entities!.Select(e => e.Kind));
        }

        Assert.Contains(read[0].Entities!, e => e.Kind == SpanKind.Time && read[0].Text.Substring(e.Start, e.Length) == "سبتمبر");
        Assert.True(read[1].Text.Length * 2 > 32_766, "the long passage must not fit one doc value, or the fallback goes untested");
    }
}

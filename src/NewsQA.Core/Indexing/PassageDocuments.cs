using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Indexing.Analysis;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>Turns an article into Lucene documents (its passages, then its record), and stored fields back into passages.</summary>
public static class PassageDocuments
{
    /// <summary>The Lucene documents of one article: each passage, then the article's record.</summary>
    public static List<Document> Create(IndexedDocument article)
    {
        var documents = new List<Document>(article.Passages.Count + 1);
        // The article's names are learnt from its own cues once, and its passages' names, numbers and dates recognized with them.
        var (names, entities) = ArticleEntities.Recognize([.. article.Passages.Select(p => p.Passage)]);
        for (var i = 0; i < article.Passages.Count; i++) documents.Add(Passage(article.Passages[i], entities[i]));
        documents.Add(Record(article, names));
        return documents;
    }

    private static Document Passage(IndexedPassage indexed, IReadOnlyList<PassageEntity> entities)
    {
        var p = indexed.Passage;
        var terms = PassageTerms.Analyze(PassageTerms.IndexedText(p));
        var record = PassageRecord.Encode(p);
        var stored = PassageRecord.Fits(record) ? Field.Store.NO : Field.Store.YES;
        var document = new Document
        {
            new StringField(IndexFields.Kind, IndexFields.PassageKind, Field.Store.NO),
            new StringField(IndexFields.PassageId, p.Id, stored),
            new StringField(IndexFields.DocumentId, p.DocumentId, stored),
            new Field(IndexFields.Words, new TermListStream(terms.Words), IndexFields.CountedTerms),
            new Field(IndexFields.Grams, new TermListStream(terms.Grams), IndexFields.CountedTerms),
            new StringField(IndexFields.Language, LanguageDetector.DetectAnswerLanguage(p.Text) == TextLanguage.Arabic ? "ar" : "other", Field.Store.NO),
            new NumericDocValuesField(IndexFields.WordLength, terms.Words.Count),
            new NumericDocValuesField(IndexFields.GramLength, terms.Grams.Count),
            new NumericDocValuesField(IndexFields.VectorNorm, BitConverter.SingleToInt32Bits((float)terms.VectorNorm())),
        };
        if (stored == Field.Store.NO)
        {
            document.Add(new BinaryDocValuesField(IndexFields.PassageRecord, new BytesRef(record)));
        }
        else
        {
            // Too long for one binary doc value: kept as stored fields, read back by ReadPassage.
            document.Add(new StoredField(IndexFields.Title, p.Title));
            document.Add(new StoredField(IndexFields.Paragraph, p.Paragraph));
            document.Add(new StoredField(IndexFields.Part, p.Part));
            document.Add(new StoredField(IndexFields.Text, p.Text));
            document.Add(new StoredField(IndexFields.Sentences, EncodeSentences(p.Sentences)));
            if (p.Heading is not null) document.Add(new StoredField(IndexFields.Heading, p.Heading));
        }

        document.Add(new BinaryDocValuesField(IndexFields.Entities, new BytesRef(PassageEntityField.Encode(entities))));
        if (!indexed.Vector.IsEmpty) document.Add(new BinaryDocValuesField(IndexFields.Vector, new BytesRef(MemoryMarshal.AsBytes(indexed.Vector.Span).ToArray())));
        return document;
    }

    private static Document Record(IndexedDocument article, EntityLexicon names)
    {
        var record = new Document
        {
            new StringField(IndexFields.Kind, IndexFields.ArticleKind, Field.Store.NO),
            new StringField(IndexFields.DocumentId, article.DocumentId, Field.Store.YES),
            new StoredField(IndexFields.ContentHash, article.ContentHash),
            new StoredField(IndexFields.Title, article.Title),
            new StoredField(IndexFields.SourcePath, article.SourcePath),
        };
        if (article.Source is not null) record.Add(new StoredField(IndexFields.Source, article.Source));
        // Article metadata grows here (live news adds more); a record is rewritten only with its article.
        if (article.Published is { } published) record.Add(new StoredField(IndexFields.Published, published.ToString("o", System.Globalization.CultureInfo.InvariantCulture)));
        if (article.Url is not null) record.Add(new StoredField(IndexFields.Url, article.Url));
        if (article.Language is not null) record.Add(new StoredField(IndexFields.ArticleLanguage, article.Language));
        if (names.Count > 0) record.Add(new StoredField(IndexFields.ArticleNames, names.Serialize()));
        return record;
    }

    /// <summary>The passage a stored passage document holds (one whose record was too long for a doc value).</summary>
    public static Passage ReadPassage(Document stored) => new(
        stored.Get(IndexFields.PassageId),
        stored.Get(IndexFields.DocumentId),
        stored.Get(IndexFields.Title),
        stored.GetField(IndexFields.Paragraph).GetInt32Value() ?? 0,
        stored.GetField(IndexFields.Part).GetInt32Value() ?? 0,
        stored.Get(IndexFields.Heading),
        stored.Get(IndexFields.Text),
        DecodeSentences(stored.GetBinaryValue(IndexFields.Sentences)));

    /// <summary>The article metadata a stored record holds (its passages come separately).</summary>
    public static (string DocumentId, string ContentHash, string Title, string? Source) ReadRecord(Document stored) =>
        (stored.Get(IndexFields.DocumentId), stored.Get(IndexFields.ContentHash), stored.Get(IndexFields.Title), stored.Get(IndexFields.Source));

    // Sentence spans as pairs of little-endian int32s.
    private static BytesRef EncodeSentences(IReadOnlyList<SentenceSpan> sentences)
    {
        var bytes = new byte[sentences.Count * 8];
        for (var i = 0; i < sentences.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 8), sentences[i].Start);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((i * 8) + 4), sentences[i].Length);
        }

        return new BytesRef(bytes);
    }

    private static List<SentenceSpan> DecodeSentences(BytesRef? value)
    {
        if (value is null) return [];
        var span = value.Bytes.AsSpan(value.Offset, value.Length);
        var sentences = new List<SentenceSpan>(span.Length / 8);
        for (var i = 0; i + 8 <= span.Length; i += 8)
        {
            sentences.Add(new SentenceSpan(BinaryPrimitives.ReadInt32LittleEndian(span[i..]), BinaryPrimitives.ReadInt32LittleEndian(span[(i + 4)..])));
        }

        return sentences;
    }
}

using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The Lucene fields of a NewsQA index. Every passage is one Lucene document; every article has one more, its record
/// (fingerprint and metadata), and all of an article's documents share its <see cref="DocumentId"/> term, so an article
/// is replaced or removed by that one term.
/// </summary>
public static class IndexFields
{
    /// <summary>"passage" or "article".</summary>
    public const string Kind = "kind";
    public const string PassageKind = "passage";
    public const string ArticleKind = "article";

    public const string PassageId = "id";
    public const string DocumentId = "doc";

    /// <summary>Word stems (light stemmer, Porter), with their frequencies.</summary>
    public const string Words = "words";

    /// <summary>Framed character 4-grams of the content words as written, with their frequencies.</summary>
    public const string Grams = "grams";

    /// <summary>"ar" for a passage mostly in Arabic, else "other": the share of Arabic passages is one count.</summary>
    public const string Language = "lang";

    /// <summary>What citations and summaries read of a passage, one binary doc value (<see cref="PassageRecord"/>).</summary>
    public const string PassageRecord = "record";

    // Stored, for citations and summaries, where a passage's record is too long for a doc value.
    public const string Title = "title";
    public const string Paragraph = "paragraph";
    public const string Part = "part";
    public const string Heading = "heading";
    public const string Text = "text";
    public const string Sentences = "sentences";

    // Article records.
    public const string ContentHash = "hash";
    public const string Source = "source";
    public const string SourcePath = "path";
    public const string Published = "published";
    public const string Url = "url";
    public const string ArticleLanguage = "language";

    /// <summary>Exact per-passage statistics as doc values. Lucene 4.8's norms keep a field length in one lossy byte.</summary>
    public const string WordLength = "wlen";
    public const string GramLength = "glen";
    public const string VectorNorm = "vnorm";

    /// <summary>The names, numbers and dates a passage's sentences hold, recognized at indexing (<see cref="PassageEntityField"/>).</summary>
    public const string Entities = "entities";

    /// <summary>An article record's names, as its cues introduce them ("kind\tname" lines; <see cref="Answering.Kinds.EntityLexicon"/>).</summary>
    public const string ArticleNames = "names";

    /// <summary>A provider's dense embedding, little-endian float32s.</summary>
    public const string Vector = "vector";

    /// <summary>Term frequencies without positions or norms: BM25 and the cosine leg need nothing more.</summary>
    public static readonly FieldType CountedTerms = Freeze(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    });

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }
}

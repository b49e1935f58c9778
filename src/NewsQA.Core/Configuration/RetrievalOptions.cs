using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Retrieval": BM25, vector and fusion settings.</summary>
public sealed class RetrievalOptions : IValidatableObject
{
    public const string SectionName = "Retrieval";

    /// <summary>BM25 term-frequency saturation. 0.9 with b = 0.4 are Anserini's passage-retrieval defaults (Lin et al.).</summary>
    [Range(0.0, 5.0)]
    public double Bm25K1 { get; set; } = 0.9;

    /// <summary>BM25 length normalization; see <see cref="Bm25K1"/>.</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.4;

    /// <summary>
    /// Weight of each character 4-gram in the keyword query, against 1 for a word. A content word of about five letters
    /// yields four framed grams, so at 1/4 each a word's grams together weigh about as much as the word itself.
    /// </summary>
    [Range(0.0, 1.0)]
    public double GramWeight { get; set; } = 0.25;

    /// <summary>How the legs are fused: Score (measured best, see docs/retrieval.md) or ReciprocalRank.</summary>
    public FusionMethod Fusion { get; set; } = FusionMethod.Score;

    /// <summary>
    /// Weight of the vector leg in score fusion, against 1 for the keyword leg. The offline hashing embedding sees the
    /// same words and grams as BM25 with coarser weighting, so it is set a priori to half; with a provider's semantic
    /// embeddings, 1 is the usual choice. docs/lab/EXPERIMENTS.md shows both measured.
    /// </summary>
    [Range(0.0, 10.0)]
    public double VectorWeight { get; set; } = 0.5;

    /// <summary>
    /// Weight of the recency leg in score fusion, for questions that ask for the newest ("latest", "آخر"): the newest
    /// candidate gains this much, the oldest nothing. Set a priori, not measured: as much as the vector leg, so that
    /// among passages about as relevant the newest wins, while a passage far less relevant (by more than a third of
    /// the most the other legs give) does not overtake the relevant one for being newer.
    /// </summary>
    [Range(0.0, 10.0)]
    public double RecencyWeight { get; set; } = 0.5;

    /// <summary>Reciprocal rank fusion constant; 60 is the value of Cormack, Clarke and Büttcher (SIGIR 2009).</summary>
    [Range(1, 1000)]
    public int FusionK { get; set; } = 60;

    /// <summary>How many candidates each leg contributes to fusion.</summary>
    [Range(1, 10_000)]
    public int CandidateDepth { get; set; } = 100;

    /// <summary>
    /// The lexical legs' candidates (<see cref="LexicalCascade"/>): the words, groups and rare grams are read through
    /// and pick each leg's best this many passages; the common character grams are then read at those passages only.
    /// 0 reads every posting. 400 (four times the default depth): on 300 ARCD-train questions over the 100,000-passage
    /// benchmark corpus, every leg's top 10 was the exhaustive one and 99% of its top 100 (docs/lexical-speed.md).
    /// </summary>
    [Range(0, 100_000)]
    public int CascadeCandidates { get; set; } = 400;

    /// <summary>
    /// A character gram in more than this share of the passages is common: read at the cascade's candidates only.
    /// 0.02, measured with <see cref="CascadeCandidates"/> (0.01 lost some of the top 100, 0.05 read half as many
    /// postings again for no recall that mattered).
    /// </summary>
    [Range(0.0, 1.0)]
    public double CascadeGramShare { get; set; } = 0.02;

    /// <summary>
    /// Memory for the common terms' postings lists, decoded once and read from arrays instead of from the index on every
    /// question (<see cref="PostingsCache"/>): the same results, several times faster where those lists are most of a
    /// question's work. 0 turns it off. At 1,000,000 passages one common 4-gram's list takes a few megabytes.
    /// </summary>
    [Range(0, 1_048_576)]
    public int PostingsCacheMegabytes { get; set; } = 256;

    /// <summary>
    /// With a provider's embeddings, a Lucene segment holding this many vectors or more is searched through an HNSW
    /// graph (built in the background from the vectors the segment stores), a smaller one by an exact scan of its packed
    /// vectors. 5,000: below the size Lucene flushes segments at, so the segments a tiered merge leaves unmerged (up to
    /// ten of each size) get graphs too; at 20,000 a 100,000 x 768 index of ten flushed segments was scanned whole,
    /// 148 ms p50 at recall 1.000, against 23.9 ms at recall@10 0.999 with 5,000 (BENCHMARKS.md, Dense vectors, runs K
    /// and K2, same load). 0 gives every segment a graph.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int VectorExactBelow { get; set; } = Indexing.Vectors.VectorIndexSettings.DefaultExactBelow;

    /// <summary>How HNSW graphs store vectors: F16 (default) or I8 (half the bytes, recall measured lower in docs/dense-vectors.md).</summary>
    public Indexing.Vectors.VectorQuantization VectorQuantization { get; set; } = Indexing.Vectors.VectorQuantization.F16;

    /// <summary>The vector index settings these options describe.</summary>
    public Indexing.Vectors.VectorIndexSettings VectorIndex => new(VectorExactBelow, VectorQuantization);

    /// <summary>Results returned when the caller does not say.</summary>
    [Range(1, 1000)]
    public int TopK { get; set; } = 5;

    /// <summary>Translate questions into the other language when the articles are (partly) in it; `--no-translate` turns it off.</summary>
    public bool Translate { get; set; } = true;

    /// <summary>The bilingual lexicon (lexicon/en-ar.tsv, from FreeDict); a relative path is read as <see cref="ConfiguredPath.Shipped"/> says.</summary>
    [Required]
    public string LexiconPath { get; set; } = "lexicon/en-ar.tsv";

    public string ResolvedLexiconPath => ConfiguredPath.Shipped(LexiconPath);

    /// <summary>
    /// Related English words (lexicon/en-related.tsv, from WordNet), through which a word the lexicon translates thinly
    /// borrows its relatives' translations; empty to do without.
    /// </summary>
    public string RelatedWordsPath { get; set; } = "lexicon/en-related.tsv";

    public string? ResolvedRelatedWordsPath => string.IsNullOrWhiteSpace(RelatedWordsPath) ? null : ConfiguredPath.Shipped(RelatedWordsPath);

    // The lexicon files ship beside every host; a path that names no file is a setting's mistake, reported at start-up
    // rather than leaving every cross-lingual question silently untranslated.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Translate) yield break;
        if (!File.Exists(ResolvedLexiconPath))
        {
            yield return new ValidationResult($"Retrieval:LexiconPath: no lexicon file at {ResolvedLexiconPath}.", [nameof(LexiconPath)]);
        }

        if (ResolvedRelatedWordsPath is { } related && !File.Exists(related))
        {
            yield return new ValidationResult($"Retrieval:RelatedWordsPath: no related-words file at {related} (set it empty to do without).", [nameof(RelatedWordsPath)]);
        }
    }

    /// <summary>Longer questions are refused with a message: no real question is this long, and analysis cost grows with it.</summary>
    [Range(10, 100_000)]
    public int MaxQuestionChars { get; set; } = 2000;
}

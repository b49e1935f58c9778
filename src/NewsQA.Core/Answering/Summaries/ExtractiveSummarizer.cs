using System.Numerics.Tensors;
using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Configuration;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>
/// The offline summary: the most central sentences of the scope (closest to the centroid of all its sentences, and to
/// the topic when one is named), chosen by maximal marginal relevance (Carbonell and Goldstein, 1998) so that bullets
/// do not repeat each other, then put back in the scope's order (reading order; across articles, their date order, each
/// bullet dated), each bullet with its own citation.
/// </summary>
public sealed class ExtractiveSummarizer(IOptions<AnsweringOptions> options)
{
    // MMR's balance between relevance and novelty; 0.7 is the common choice in the summarization literature.
    private const double Lambda = 0.7;

    // Shorter sentences are captions, headings or fragments rather than points.
    private const int MinSentenceChars = 40;

    // News puts the most important sentence first (the lede); the first paragraph gets this small lift.
    private const double LeadBonus = 0.05;

    private const int MinBullets = 3;

    // Sentence similarity is lexical here whatever embedding provider is configured: the summary must work offline.
    private static readonly HashingEmbeddingGenerator Embedder = new(1024);

    /// <summary>Summarizes the scope in bullets.</summary>
    public Answer Summarize(string question, string standalone, TextLanguage language, SummaryScope scope)
    {
        var candidates = Candidates(scope.Passages, MinSentenceChars);
        if (candidates.Count < MinBullets) candidates = Candidates(scope.Passages, 1);
        if (candidates.Count == 0) return LocalAnswerer.Refusal(question, standalone, language, 0);

        var vectors = candidates.Select(c => Embedder.Embed(c.Text)).ToList();
        var centroid = new float[Embedder.Dimensions];
        foreach (var v in vectors) TensorPrimitives.Add(centroid, v, centroid);
        var topic = scope.Topic is null ? null : Embedder.Embed(scope.Topic);
        var relevance = candidates.Select((c, i) =>
            Cosine(vectors[i], centroid) + (topic is null ? 0 : Cosine(vectors[i], topic)) + (c.Passage.Paragraph == 1 ? LeadBonus : 0)).ToList();

        var count = Math.Min(options.Value.SummaryBullets, candidates.Count);
        var chosen = new List<int>();
        while (chosen.Count < count)
        {
            var next = Enumerable.Range(0, candidates.Count).Where(i => !chosen.Contains(i))
                .MaxBy(i => (Lambda * relevance[i]) - ((1 - Lambda) * chosen.Select(j => Cosine(vectors[i], vectors[j])).DefaultIfEmpty(0).Max()));
            chosen.Add(next);
        }

        var order = scope.Passages.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var bullets = chosen.Select(i => candidates[i]).OrderBy(c => order[c.Passage.Id]).ThenBy(c => c.Sentence.Start).ToList();
        // Across dated articles the bullets are in date order (the scope's order) and each says its article's date.
        var dateOf = scope.Dated ? p => scope.Dates.TryGetValue(p.DocumentId, out var d) ? d : (DateTimeOffset?)null : (Func<Passage, DateTimeOffset?>?)null;
        var (text, citations) = AnswerComposer.Compose(language, bullets, AnswerTexts.SummaryLead(language, scope.Title), bullets: true, dateOf: dateOf);
        return new Answer(question, standalone, language, text, true, AnswerMode.Local, AnswerKind.Summary, citations, 1);
    }

    private static List<SentenceEvidence> Candidates(IReadOnlyList<Passage> passages, int minChars) =>
        [.. passages.SelectMany(p => p.Sentences.Where(s => s.Length >= minChars).Select(s => new SentenceEvidence(p, s, 0, 0, 0)))
            .DistinctBy(e => e.Text)];

    private static double Cosine(float[] a, float[] b)
    {
        var norms = TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? TensorPrimitives.Dot(a, b) / norms : 0;
    }
}

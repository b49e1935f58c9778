using Lucene.Net.Store;
using NewsQA.Core.Indexing;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// The articles training questions are asked over, and the same collection without any one passage: a question asked
/// over the articles without its own paragraph is unanswerable the way users' near-topic questions are, its topic
/// still present in the paragraph's neighbours, the words only the answer used gone from the collection.
/// </summary>
public sealed class TrainingCorpus : IDisposable
{
    private readonly IReadOnlyList<IndexedDocument> _documents;
    // The last collection built without a passage: a paragraph's questions come one after another, and keeping one
    // in-memory index at a time bounds memory whatever the training set's size.
    private (string PassageId, PassageIndex Index)? _without;

    private TrainingCorpus(PassageIndex full, IReadOnlyList<IndexedDocument> documents)
    {
        Full = full;
        _documents = documents;
    }

    /// <summary>The whole collection (not owned: the caller disposes it).</summary>
    public PassageIndex Full { get; }

    /// <summary>The collection encoded again passage by passage, so that it can be indexed again without one of them.</summary>
    public static async Task<TrainingCorpus> CreateAsync(PassageIndex index, PassageEncoder encoder, CancellationToken cancellationToken)
    {
        var documents = new List<IndexedDocument>();
        foreach (var article in index.Documents)
        {
            var passages = await encoder.EncodeAsync(index.PassagesOf(article.DocumentId), cancellationToken).ConfigureAwait(false);
            documents.Add(new IndexedDocument(article.DocumentId, string.Empty, article.Title, article.Source, string.Empty, passages));
        }

        return new TrainingCorpus(index, documents);
    }

    /// <summary>
    /// The collection as if <paramref name="passageId"/> had never been written, indexed in memory; valid until the next
    /// call for another passage.
    /// </summary>
    public PassageIndex Without(string passageId)
    {
        if (_without is { } last && last.PassageId == passageId) return last.Index;
        _without?.Index.Dispose();
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, Full.Settings, create: true))
        {
            foreach (var document in _documents)
            {
                var kept = document.Passages.Where(p => p.Passage.Id != passageId).ToList();
                if (kept.Count > 0) writer.Add(document with { Passages = kept });
            }

            writer.Commit();
        }

        var index = PassageIndex.Open(directory);
        _without = (passageId, index);
        return index;
    }

    public void Dispose()
    {
        _without?.Index.Dispose();
        _without = null;
    }
}

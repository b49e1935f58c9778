using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// The articles training questions are asked over, and the same collection without any one passage: a question asked
/// over the articles without its own paragraph is unanswerable the way users' near-topic questions are, its topic
/// still present in the paragraph's neighbours, the words only the answer used gone from the collection. Closer still is
/// the collection with only the answer's sentences taken out of its paragraph: the question's topic is still in the
/// sentences around them, the answer is not.
/// </summary>
public sealed class TrainingCorpus : IDisposable
{
    private readonly IReadOnlyList<IndexedDocument> _documents;
    private readonly PassageEncoder _encoder;
    // The last collection built without a passage, and without an answer's sentences: a paragraph's questions come one
    // after another, and keeping one in-memory index of each at a time bounds memory whatever the training set's size.
    private (string Key, PassageIndex Index)? _without;
    private (string Key, PassageIndex Index)? _withoutAnswer;

    private TrainingCorpus(PassageIndex full, IReadOnlyList<IndexedDocument> documents, PassageEncoder encoder)
    {
        Full = full;
        _documents = documents;
        _encoder = encoder;
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

        return new TrainingCorpus(index, documents, encoder);
    }

    /// <summary>
    /// The collection as if <paramref name="passageId"/> had never been written, indexed in memory; valid until the next
    /// call for another passage.
    /// </summary>
    public PassageIndex Without(string passageId) =>
        Cached(ref _without, passageId, () => Build(p => p.Passage.Id == passageId ? null : p));

    /// <summary>
    /// The collection with every sentence of <paramref name="passageId"/> that holds any of the answer's characters
    /// [<paramref name="answerStart"/>, + <paramref name="answerLength"/>) taken out, the rest of the paragraph kept;
    /// null when no sentence holds it or nothing else is left (then <see cref="Without"/> is the same). Valid until the
    /// next call for another answer.
    /// </summary>
    public async Task<PassageIndex?> WithoutAnswerAsync(string passageId, int answerStart, int answerLength, CancellationToken cancellationToken)
    {
        var passage = _documents.SelectMany(d => d.Passages).FirstOrDefault(p => p.Passage.Id == passageId)?.Passage;
        if (passage is null) return null;
        var end = answerStart + Math.Max(1, answerLength);
        var kept = passage.Sentences.Where(s => s.End <= answerStart || s.Start >= end).ToList();
        if (kept.Count == passage.Sentences.Count || kept.Count == 0) return null;
        var key = $"{passageId}:{string.Join(',', kept.Select(s => s.Start))}";
        if (_withoutAnswer is { } last && last.Key == key) return last.Index;

        var texts = kept.Select(s => passage.Text.Substring(s.Start, s.Length)).ToList();
        var spans = new List<SentenceSpan>();
        var at = 0;
        foreach (var text in texts)
        {
            spans.Add(new SentenceSpan(at, text.Length));
            at += text.Length + 1;
        }

        var shortened = passage with { Text = string.Join(' ', texts), Sentences = spans };
        var encoded = (await _encoder.EncodeAsync([shortened], cancellationToken).ConfigureAwait(false))[0];
        return Cached(ref _withoutAnswer, key, () => Build(p => p.Passage.Id == passageId ? encoded : p));
    }

    private static PassageIndex Cached(ref (string Key, PassageIndex Index)? slot, string key, Func<PassageIndex> build)
    {
        if (slot is { } last && last.Key == key) return last.Index;
        slot?.Index.Dispose();
        var index = build();
        slot = (key, index);
        return index;
    }

    // The collection indexed in memory, each passage replaced by what the rule makes of it (null: left out).
    private PassageIndex Build(Func<IndexedPassage, IndexedPassage?> rule)
    {
        var directory = new RAMDirectory();
        using (var writer = PassageIndexWriter.Open(directory, Full.Settings, create: true))
        {
            foreach (var document in _documents)
            {
                var kept = document.Passages.Select(rule).OfType<IndexedPassage>().ToList();
                if (kept.Count > 0) writer.Add(document with { Passages = kept });
            }

            writer.Commit();
        }

        return PassageIndex.Open(directory);
    }

    public void Dispose()
    {
        _without?.Index.Dispose();
        _without = null;
        _withoutAnswer?.Index.Dispose();
        _withoutAnswer = null;
    }
}

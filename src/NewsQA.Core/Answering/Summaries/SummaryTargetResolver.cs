using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>
/// Works out what a summary request is about: one article, named by ordinal ("المقال الثاني", "the third article",
/// "article 2"), by title words, or as "the article about …"; or a topic across the articles; or, with nothing named,
/// all of them.
/// </summary>
public sealed class SummaryTargetResolver(HybridRetriever retriever, IOptions<AnsweringOptions> options)
{
    private static readonly string[][] Ordinals =
    [
        ["الاول", "first", "1"], ["الثاني", "second", "2"], ["الثالث", "third", "3"], ["الرابع", "fourth", "4"],
        ["الخامس", "fifth", "5"], ["السادس", "sixth", "6"], ["السابع", "seventh", "7"], ["الثامن", "eighth", "8"],
        ["التاسع", "ninth", "9"], ["العاشر", "tenth", "10"],
    ];

    private static readonly HashSet<string> SingleArticleWords = new(["المقال", "مقال", "المقاله", "مقاله", "الخبر", "article", "story"], StringComparer.Ordinal);

    private static readonly HashSet<string> ScopeWords = new(
        ["المقال", "مقال", "المقاله", "مقاله", "الخبر", "المقالات", "مقالات", "الاخبار", "article", "articles", "story", "stories", "news", "عن", "about", "please", "من", "فضلك"],
        StringComparer.Ordinal);

    // A title names the article when it holds at least this share of the request's content words.
    private const double TitleMatchShare = 0.5;

    /// <summary>The scope of a summary request.</summary>
    public async Task<SummaryScope> ResolveAsync(PassageIndex index, string request, CancellationToken cancellationToken)
    {
        var rest = IntentDetector.StripSummaryCues(request);
        var words = Tokenizer.Tokenize(rest).Select(t => t.Normalized).ToList();
        var documents = index.Documents;

        var ordinal = Array.FindIndex(Ordinals, forms => forms.Any(words.Contains));
        var singular = words.Any(SingleArticleWords.Contains);
        if (singular && ordinal >= 0 && ordinal < documents.Count) return Whole(index, documents[ordinal]);

        var topicText = string.Join(' ', words.Where(w => !ScopeWords.Contains(w) && (ordinal < 0 || !Ordinals[ordinal].Contains(w))));
        var topicTerms = TextAnalyzer.Analyze(topicText).Distinct().ToList();
        if (topicTerms.Count == 0)
        {
            return singular && documents.Count == 1 ? Whole(index, documents[0]) : SummaryScope.Across(null, index.Passages, d => index.FindArticle(d)?.Published);
        }

        if (singular)
        {
            var byTitle = documents
                .Select(d => (Document: d, Share: topicTerms.Count(t => TextAnalyzer.Analyze(d.Title).Contains(t)) / (double)topicTerms.Count))
                .OrderByDescending(x => x.Share).First();
            if (byTitle.Share >= TitleMatchShare) return Whole(index, byTitle.Document);
            var top = await retriever.SearchAsync(index, topicText, 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (top.Count > 0) return Whole(index, documents.First(d => d.DocumentId == top[0].Passage.DocumentId));
        }

        var hits = await retriever.SearchAsync(index, topicText, options.Value.SummaryPassages, cancellationToken: cancellationToken).ConfigureAwait(false);
        return SummaryScope.Across(topicText, [.. hits.Select(h => h.Passage)], d => index.FindArticle(d)?.Published);
    }

    private static SummaryScope Whole(PassageIndex index, IndexedArticle document) => new(document.Title, null, index.PassagesOf(document.DocumentId));
}

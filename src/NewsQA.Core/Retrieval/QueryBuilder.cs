using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Text;
using NewsQA.Core.Time;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Turns a question into the query retrieval runs: its own terms, plus, when the articles are (partly) in the other
/// language, its translation groups from the lexicon, and the <see cref="IQueryRewriter"/>'s rewrite of the question into
/// that language (the model's, when one is configured). All of them are scored together, so the rewrites fuse with the original.
/// A question about time ("latest", "in 2021") is searched without its time words, and the time is applied instead:
/// a range filters the passages by their articles' dates, a wish for the newest makes recency a fusion leg. When no
/// article of the index has a date in the range (or none has a date at all), the question is searched as typed.
/// </summary>
public sealed class QueryBuilder(IOptions<RetrievalOptions> options, QueryTranslator translator, IQueryRewriter rewriter, TimeCueParser time)
{
    /// <summary>The retrieval query for a question over an index.</summary>
    public async Task<RetrievalQuery> BuildAsync(PassageIndex index, string question, CancellationToken cancellationToken)
    {
        var constraint = Honoured(index, time.Parse(question));
        if (constraint.IsEmpty) return await BuildTermsAsync(index, question, cancellationToken).ConfigureAwait(false);
        var query = await BuildTermsAsync(index, constraint.WithoutCues(question), cancellationToken).ConfigureAwait(false);
        return query with { Time = constraint, Filter = constraint.HasRange ? DateFilter(index, constraint) : null };
    }

    // The constraint as far as the index can honour it: a range only when some article was published in it.
    private static TimeConstraint Honoured(PassageIndex index, TimeConstraint constraint)
    {
        if (constraint.IsEmpty) return TimeConstraint.None;
        var (from, until) = constraint.Ticks;
        return index.HasPassagesPublished(from, until) ? constraint : TimeConstraint.None;
    }

    private static Func<int, bool> DateFilter(PassageIndex index, TimeConstraint constraint)
    {
        var dates = index.PublishedTicks;
        var (from, until) = constraint.Ticks;
        return p => dates[p] >= from && dates[p] < until; // Undated is below every bound
    }

    private async Task<RetrievalQuery> BuildTermsAsync(PassageIndex index, string question, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = RetrievalQuery.FromQuestion(question, settings.GramWeight);
        if (TranslationTarget(index, question) is not { } target) return query;
        var share = target == TextLanguage.Arabic ? index.ArabicShare : 1 - index.ArabicShare;

        using var activity = NewsQATelemetry.Source.StartActivity("translate");
        activity?.SetTag(NewsQATelemetry.TargetLanguageTag, target == TextLanguage.Arabic ? "ar" : "en");
        var (groups, vectorText) = translator.Translate(question, target, index);
        var terms = query.Terms.ToList();
        // A model rewrite costs a provider call; it is worth it when most of the articles are in the other language.
        if (share > 0.5 && await rewriter.RewriteAsync(question, target, cancellationToken).ConfigureAwait(false) is { } rewrite)
        {
            activity?.SetTag(NewsQATelemetry.RewrittenTag, true);
            terms.AddRange(RetrievalQuery.FromQuestion(rewrite, settings.GramWeight).Terms);
            vectorText = rewrite + " " + vectorText;
        }

        activity?.SetTag(NewsQATelemetry.TranslationGroupsTag, groups.Count);
        groups = [.. groups, .. QueryTranslator.GramGroups(groups, settings.GramWeight)];
        // The vector leg embeds every alternative the groups hold, so it sees the same translations as BM25.
        var alternatives = string.Join(' ', groups.SelectMany(g => g.Terms).Where(t => t[0] != CharacterGrams.Marker).Distinct(StringComparer.Ordinal));
        return new RetrievalQuery(terms, $"{question} {vectorText} {alternatives}") { Groups = groups };
    }

    /// <summary>The language a question is translated into over this index, or null when it is searched as it is.</summary>
    public TextLanguage? TranslationTarget(PassageIndex index, string question)
    {
        if (!options.Value.Translate) return null;
        var target = LanguageDetector.DetectAnswerLanguage(question) == TextLanguage.Arabic ? TextLanguage.English : TextLanguage.Arabic;
        var share = target == TextLanguage.Arabic ? index.ArabicShare : 1 - index.ArabicShare;
        return share > 0 ? target : null; // nothing in the other language to find
    }
}

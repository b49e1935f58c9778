using NewsQA.Core.Text;
using NewsQA.Core.Time;

namespace NewsQA.Core.Retrieval;

/// <summary>What retrieval searches with: weighted terms for the keyword leg and a text to embed for the vector leg.</summary>
public sealed record RetrievalQuery(IReadOnlyList<WeightedTerm> Terms, string VectorText)
{
    /// <summary>Synonym groups (translations of one source word), scored alongside <see cref="Terms"/>.</summary>
    public IReadOnlyList<QueryGroup> Groups { get; init; } = [];

    /// <summary>
    /// Which passages may be returned ("accept this passage number?"), or null for all: a passage the filter refuses
    /// is never a candidate of either leg. Passage numbers are those of the snapshot the query was built for.
    /// </summary>
    public Func<int, bool>? Filter { get; init; }

    /// <summary>
    /// What the question said about time, when the index could honour it (its range is what <see cref="Filter"/>
    /// keeps; a wish for the newest makes recency a fusion leg); <see cref="TimeConstraint.None"/> otherwise.
    /// </summary>
    public TimeConstraint Time { get; init; } = TimeConstraint.None;

    /// <summary>
    /// A query from a question as typed: its word terms at weight 1 and its character grams at
    /// <paramref name="gramWeight"/> each, and the question itself to embed.
    /// </summary>
    public static RetrievalQuery FromQuestion(string question, double gramWeight)
    {
        var words = TextAnalyzer.Analyze(question).Select(t => new WeightedTerm(t, 1));
        var grams = CharacterGrams.Analyze(question).Select(g => new WeightedTerm(g, gramWeight));
        return new RetrievalQuery([.. words, .. grams], question);
    }

    /// <summary>
    /// This query with another's terms added as context, scaled so that all of them together weigh
    /// <paramref name="share"/> of this query's own total: a long earlier question cannot outweigh a short follow-up.
    /// </summary>
    public RetrievalQuery With(RetrievalQuery context, double share, string vectorText)
    {
        var own = Terms.Sum(t => t.Weight);
        var theirs = context.Terms.Sum(t => t.Weight);
        var scale = theirs > 0 ? share * Math.Max(own, 1) / theirs : 0;
        return this with
        {
            Terms = [.. Terms, .. context.Terms.Select(t => t with { Weight = t.Weight * scale })],
            VectorText = vectorText,
            Groups = [.. Groups, .. context.Groups.Select(g => g with { Weight = g.Weight * scale })],
            Filter = Filter,
            Time = Time,
        };
    }
}

namespace NewsQA.Core.Time;

/// <summary>
/// What a question says about time: a range of publication dates (<see cref="From"/> inclusive, <see cref="Until"/>
/// exclusive, either open) and whether it asks for the most recent articles ("latest", "آخر"). <see cref="Cues"/>
/// locate the words that said so in the question, so that retrieval can leave them out of the keyword query.
/// </summary>
public sealed record TimeConstraint(DateTimeOffset? From, DateTimeOffset? Until, bool PreferRecent, IReadOnlyList<TimeCue> Cues)
{
    public static readonly TimeConstraint None = new(null, null, false, []);

    public bool IsEmpty => From is null && Until is null && !PreferRecent;

    public bool HasRange => From is not null || Until is not null;

    /// <summary>Whether an article published at <paramref name="published"/> falls in the range (always, when there is none).</summary>
    public bool Contains(DateTimeOffset published) => (From is null || published >= From) && (Until is null || published < Until);

    /// <summary>The range's bounds as UTC ticks, an open end as the smallest or largest value.</summary>
    public (long From, long Until) Ticks => (From?.UtcTicks ?? long.MinValue + 1, Until?.UtcTicks ?? long.MaxValue);

    /// <summary>
    /// <paramref name="question"/> with the words of its time cues blanked out (the cues locate them), so that "latest"
    /// or "in 2021" weigh nothing in keyword retrieval once the time is applied as a filter or a preference.
    /// </summary>
    public string WithoutCues(string question)
    {
        if (Cues.Count == 0) return question;
        var text = question.ToCharArray();
        foreach (var cue in Cues)
        {
            for (var i = cue.Start; i < cue.Start + cue.Length && i < text.Length; i++) text[i] = ' ';
        }

        return new string(text);
    }
}

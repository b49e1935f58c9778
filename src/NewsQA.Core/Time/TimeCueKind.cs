namespace NewsQA.Core.Time;

/// <summary>The kinds of time expression: a period ("in 2021", "last week"), a bound ("since", "before"), or a wish for the newest.</summary>
public enum TimeCueKind
{
    Period,
    Since,
    After,
    Before,
    Until,
    Between,
    Recent,
}

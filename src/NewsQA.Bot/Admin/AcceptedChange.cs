namespace NewsQA.Bot.Admin;

/// <summary>A cluster's answer to an admin change: handed to the indexer (its admin stream entry id), not yet indexed.</summary>
public sealed record AcceptedChange(string Id, string Status)
{
    public static AcceptedChange For(string id) => new(id, "accepted");
}

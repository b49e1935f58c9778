using System.ComponentModel.DataAnnotations;

namespace NewsQA.Core.Cluster;

/// <summary>
/// Section "Cluster": the process's role, and for a cluster where the index comes from and the secret its processes
/// share. Unset, a process is <see cref="ClusterRole.Standalone"/>, as today. Checked at start-up by <see cref="ClusterSettingsCheck"/>.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    public ClusterRole Role { get; set; } = ClusterRole.Standalone;

    /// <summary>A replica's source: the indexer's base URL (http://indexer:5080), whose replication endpoint it pulls from.</summary>
    public string? IndexerUrl { get; set; }

    /// <summary>A secret, from the environment only (NEWSQA_Cluster__Secret): authenticates replication between processes.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// How often a replica asks for a new revision when no nudge came (a pub/sub nudge is at most once, so this bounds
    /// how late a lost one makes it); the nudge usually comes within milliseconds of the commit.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Cluster:PollSeconds must be 1 to 3600")]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Whether this process is part of a cluster (an indexer or a replica).</summary>
    public bool Clustered => Role != ClusterRole.Standalone;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);
}

using Microsoft.Extensions.Options;
using NewsQA.Core.Cluster;
using NewsQA.Core.State;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>The cluster settings checked at start-up: each wrong one is named, and the service does not start.</summary>
public sealed class ClusterSettingsTests
{
    private const string Secret = "a-cluster-secret-of-enough-length";

    private static ValidateOptionsResult Check(ClusterOptions options, string? redis = "127.0.0.1:6379", string? committedSecret = null) =>
        new ClusterSettingsCheck(Options.Create(new RedisOptions { Configuration = redis }), committedSecret).Validate(null, options);

    [Fact]
    public void Standalone_NeedsNothing()
    {
        Assert.True(Check(new ClusterOptions(), redis: null).Succeeded);
    }

    [Theory]
    [InlineData(ClusterRole.Indexer)]
    [InlineData(ClusterRole.Replica)]
    public void AClusterProcessWithoutTheSecret_IsRefused_NamingCluster_Secret(ClusterRole role)
    {
        var result = Check(new ClusterOptions { Role = role, IndexerUrl = "http://127.0.0.1:5080" });
        Assert.True(result.Failed);
        Assert.Contains($"Cluster:Secret is required when Cluster:Role is {role}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortSecret_IsRefused()
    {
        var result = Check(new ClusterOptions { Role = ClusterRole.Indexer, Secret = "short" });
        Assert.Contains("Cluster:Secret must be at least 16 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretInTheCommittedSettings_IsRefused()
    {
        var result = Check(new ClusterOptions(), committedSecret: Secret);
        Assert.Contains("Cluster:Secret is a secret: set it in the environment (NEWSQA_Cluster__Secret)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Cluster:IndexerUrl is required when Cluster:Role is Replica")]
    [InlineData("indexer:5080", "Cluster:IndexerUrl 'indexer:5080' is not an absolute http or https URL")]
    public void AReplicaWithoutAnIndexerUrl_IsRefused_NamingCluster_IndexerUrl(string? url, string expected)
    {
        var result = Check(new ClusterOptions { Role = ClusterRole.Replica, Secret = Secret, IndexerUrl = url });
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Check(new ClusterOptions { Role = ClusterRole.Replica, Secret = Secret, IndexerUrl = "http://127.0.0.1:5080/" }).Succeeded);
    }

    [Theory]
    [InlineData(ClusterRole.Indexer)]
    [InlineData(ClusterRole.Replica)]
    public void AClusterProcessWithoutRedis_IsRefused_NamingRedis_Configuration(ClusterRole role)
    {
        var result = Check(new ClusterOptions { Role = role, Secret = Secret, IndexerUrl = "http://127.0.0.1:5080" }, redis: null);
        Assert.Contains($"Redis:Configuration is required when Cluster:Role is {role}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplicaWithoutSecretOrIndexerUrl_DoesNotStart_NamingBothKeys()
    {
        var (exitCode, error) = await BotProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["NEWSQA_Cluster__Role"] = "Replica", ["NEWSQA_Redis__Configuration"] = "127.0.0.1:1", ["NEWSQA_DirectLine__TokenSigningKey"] = Secret,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Cluster:Secret is required when Cluster:Role is Replica", error, StringComparison.Ordinal);
        Assert.Contains("Cluster:IndexerUrl is required when Cluster:Role is Replica", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}

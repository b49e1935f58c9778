using System.Text.RegularExpressions;

namespace NewsQA.Bot.Tests.Deploy;

/// <summary>
/// deploy/ (issue 21, test 6): HAProxy accepts its configuration, as committed and as local-cluster.sh renders it with
/// replicas; the lines that make the cluster survive a lost replica are there; Redis accepts its configuration; the
/// scripts parse.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string HaproxyConfig = DeployCommand.InRepository("deploy/haproxy.cfg");

    private static Dictionary<string, string> HaproxyPorts() => new()
    {
        ["NEWSQA_HAPROXY_BIND"] = $"127.0.0.1:{DeployCommand.FreePort()}", ["NEWSQA_HAPROXY_STATS"] = $"127.0.0.1:{DeployCommand.FreePort()}",
    };

    // The configuration's directives, comments and blank lines left out, spaces collapsed.
    private static List<string> Directives(string path) =>
        [.. File.ReadAllLines(path).Select(l => Regex.Replace(l, @"\s+", " ").Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Fact]
    public async Task TheHaproxyConfiguration_IsAcceptedByHaproxy()
    {
        var (exitCode, output, error) = await DeployCommand.RunAsync("haproxy", ["-c", "-f", HaproxyConfig], HaproxyPorts());
        Assert.True(exitCode == 0, $"haproxy -c -f deploy/haproxy.cfg exited with {exitCode}: {output}{error}");
    }

    [Fact]
    public async Task TheHaproxyConfiguration_RenderedWithThreeReplicas_IsAcceptedByHaproxy()
    {
        var (rendered, config, renderError) = await DeployCommand.RunAsync("bash",
            [DeployCommand.InRepository("deploy/local-cluster.sh"), "haproxy-config", "127.0.0.1:5101", "127.0.0.1:5102", "127.0.0.1:5103"]);
        Assert.True(rendered == 0, renderError);
        Assert.Equal(["server replica1 127.0.0.1:5101", "server replica2 127.0.0.1:5102", "server replica3 127.0.0.1:5103"],
            config.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("server ", StringComparison.Ordinal)));

        var file = Path.Combine(Directory.CreateTempSubdirectory("newsqa-haproxy").FullName, "haproxy.cfg");
        await File.WriteAllTextAsync(file, config);
        var (exitCode, output, error) = await DeployCommand.RunAsync("haproxy", ["-c", "-f", file], HaproxyPorts());
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        Assert.True(exitCode == 0, $"haproxy -c on the rendered configuration exited with {exitCode}: {output}{error}");
    }

    [Fact]
    public void TheHaproxyConfiguration_ChecksHealth_KeepsWebSocketsOpen_AndRetriesOnAnotherReplica()
    {
        var directives = Directives(HaproxyConfig);
        Assert.Contains("option httpchk GET /healthz", directives); // a replica without an index revision gets no traffic
        Assert.Contains("http-check expect status 200", directives);
        Assert.Contains(directives, d => d.StartsWith("default-server check ", StringComparison.Ordinal)); // every server checked
        Assert.Contains("timeout tunnel 1h", directives); // a Direct Line WebSocket outlives timeout client/server
        Assert.Contains("retries 3", directives);
        Assert.Contains(directives, d => d.StartsWith("option redispatch", StringComparison.Ordinal));
        Assert.Contains("hash-type consistent", directives); // a dead replica moves only its own conversations
        Assert.Contains("http-request disable-l7-retry unless replay_safe", directives); // a Direct Line post is never sent twice

        // local-cluster.sh appends the server lines at the end of the file: they must land in the replicas backend.
        var sections = File.ReadAllLines(HaproxyConfig).Where(l => Regex.IsMatch(l, @"^(global|defaults|frontend|backend|listen)\b")).ToList();
        Assert.Equal("backend replicas", sections[^1]);
    }

    [Fact]
    public async Task TheRedisConfiguration_PersistsEveryWrite_NeverEvicts_AndIsAcceptedByRedis()
    {
        var path = DeployCommand.InRepository("deploy/redis.conf");
        var directives = Directives(path);
        Assert.Contains("appendonly yes", directives);
        Assert.Contains("appendfsync everysec", directives);
        Assert.Contains("maxmemory-policy noeviction", directives); // a full Redis refuses writes rather than drop a conversation
        Assert.Contains(directives, d => d.StartsWith("bind 127.0.0.1", StringComparison.Ordinal));

        // Started as local-cluster.sh starts it (port and folder on the command line), it runs with those settings.
        var port = DeployCommand.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("newsqa-redis-conf").FullName;
        var (started, output, error) = await DeployCommand.RunAsync("redis-server", [path, "--port", port, "--dir", folder, "--daemonize", "yes", "--pidfile", Path.Combine(folder, "redis.pid")]);
        try
        {
            Assert.True(started == 0, $"redis-server deploy/redis.conf exited with {started}: {output}{error}");
            Assert.True(await Eventually.HoldsAsync(async () => (await DeployCommand.RunAsync("redis-cli", ["-p", port, "ping"])).Output.Trim() == "PONG"));
            Assert.Equal("appendonly\nyes\nmaxmemory-policy\nnoeviction",
                (await DeployCommand.RunAsync("redis-cli", ["-p", port, "config", "get", "appendonly"])).Output.Trim() + "\n"
                + (await DeployCommand.RunAsync("redis-cli", ["-p", port, "config", "get", "maxmemory-policy"])).Output.Trim());
        }
        finally
        {
            await DeployCommand.RunAsync("redis-cli", ["-p", port, "shutdown", "nosave"]);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("deploy/local-cluster.sh")]
    [InlineData("scripts/bench-cluster.sh")]
    public async Task TheScript_IsValidBash(string script)
    {
        var (exitCode, _, error) = await DeployCommand.RunAsync("bash", ["-n", DeployCommand.InRepository(script)]);
        Assert.True(exitCode == 0, $"bash -n {script}: {error}");
    }

    [Fact]
    public async Task TheLocalClusterScript_WithoutANumberOfReplicas_StartsNothingAndSaysWhatItWants()
    {
        var run = Directory.CreateTempSubdirectory("newsqa-cluster").FullName;
        var (exitCode, _, error) = await DeployCommand.RunAsync("bash", [DeployCommand.InRepository("deploy/local-cluster.sh"), "start", "many"],
            new Dictionary<string, string> { ["NEWSQA_CLUSTER_DIR"] = run });
        Assert.Equal(2, exitCode);
        Assert.Contains("N is the number of replicas", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(run));
        Directory.Delete(run);
    }
}

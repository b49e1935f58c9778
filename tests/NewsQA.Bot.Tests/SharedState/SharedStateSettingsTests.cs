using NewsQA.Testing;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>The shared-state settings checked at start-up: a wrong one stops the service with one line naming the key.</summary>
public sealed class SharedStateSettingsTests
{
    private const string Key = "a-signing-key-of-enough-length";

    public static TheoryData<string, string, string, string> WrongSettings() => new()
    {
        { "127.0.0.1:6379,notanoption=1", Key, "Redis:Configuration is not a StackExchange.Redis configuration string", "a string that does not parse" },
        { ",", Key, "Redis:Configuration is not a StackExchange.Redis configuration string (names no server)", "a string naming no server" },
        { "127.0.0.1:1", Key, "Redis at '127.0.0.1:1' (Redis:Configuration) cannot be reached", "a server that is not there" },
        { "127.0.0.1:1", "", "DirectLine:TokenSigningKey is required when Redis:Configuration is set", "no shared signing key" },
        { "", "short", "DirectLine:TokenSigningKey must be at least 16 characters", "a short signing key" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task AWrongSetting_StopsStartUp_NamingTheKey(string redis, string signingKey, string expected, string because)
    {
        var (exitCode, error) = await BotProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["NEWSQA_Redis__Configuration"] = redis, ["NEWSQA_DirectLine__TokenSigningKey"] = signingKey,
        });

        Assert.True(exitCode == 1, $"{because}: exit code {exitCode}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}

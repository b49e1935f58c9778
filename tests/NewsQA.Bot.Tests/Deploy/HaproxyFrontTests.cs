using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Bot.Tests.SharedState;

namespace NewsQA.Bot.Tests.Deploy;

/// <summary>
/// deploy/haproxy.cfg in front of two bot processes sharing one Redis (issue 21): a Direct Line conversation works
/// through it, its WebSocket included, and with the replica serving it killed the next requests go to the other one.
/// </summary>
public sealed class HaproxyFrontTests(HaproxyFrontTests.TwoProcesses cluster) : IClassFixture<HaproxyFrontTests.TwoProcesses>
{
    private const string French = "Who commands the French forces in the Middle East?";
    private const string Nato = "كم رفع الناتو عدد جنوده في العراق؟";

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    [Fact]
    public async Task ADirectLineConversation_ThroughHaproxy_AnswersOnItsSocket_AndWithItsReplicaKilled_TheNextRequestsSucceedOnTheOther()
    {
        await using var haproxy = await HaproxyProcess.StartAsync(cluster.Processes.Select(p => p.Address));
        using var http = new HttpClient { BaseAddress = haproxy.Address };
        var client = await DirectLineClient.StartAsync(http);
        Assert.StartsWith($"ws://{haproxy.Address.Authority}/", client.StreamUrl, StringComparison.Ordinal); // the socket goes through HAProxy too

        await using (var socket = await DirectLineSocket.OpenAsync(new Uri(client.StreamUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(French)).StatusCode);
            Assert.True(await socket.ReceiveUntilAsync(a => Text(a).Contains("إيمانويل سلارس", StringComparison.Ordinal)));
        }

        // Affinity: the conversation's requests went to one replica. That one is killed (kill -9), before HAProxy's
        // health checks can notice.
        Assert.Equal(HttpStatusCode.OK, (await client.PollAsync()).StatusCode);
        var activities = $"GET /v3/directline/conversations/{client.ConversationId}/activities";
        Assert.True(await Eventually.HoldsAsync(() => haproxy.ServedBy(activities) is not null));
        var serving = haproxy.ServedBy(activities)!;
        Assert.Equal(serving, haproxy.ServedBy($"POST /v3/directline/conversations/{client.ConversationId}/activities"));
        var doomed = int.Parse(serving["replica".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
        await cluster.Processes[doomed].KillAsync();

        // The next requests of the conversation succeed at once, on the other replica: a poll (its history is in Redis),
        // a post and its answer, and a question to /api/ask.
        using var poll = await client.PollAsync();
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Contains((await poll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray(), a => Text(a).Contains("إيمانويل سلارس", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Nato)).StatusCode);
        Assert.True(await Eventually.HoldsAsync(async () => (await client.ReadAllAsync()).Activities.Any(a => Text(a).Contains("4000", StringComparison.Ordinal))));
        using var asked = await http.PostAsJsonAsync("/api/ask", new { question = Nato });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var survivor = $"replica{2 - doomed}";
        Assert.Equal(survivor, haproxy.ServedBy($"POST /v3/directline/conversations/{client.ConversationId}/activities"));
        Assert.True(await Eventually.HoldsAsync(() => haproxy.ServedBy("POST /api/ask") is not null));
        Assert.Equal(survivor, haproxy.ServedBy("POST /api/ask"));
    }

    public sealed class TwoProcesses : BotCluster
    {
        protected override int Size => 2;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>The calls botframework-directlinejs makes, for tests: get a token, start, post, poll, reconnect, refresh.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; set; } = string.Empty;

    public string ConversationId { get; private set; } = string.Empty;

    public string UserId { get; private set; } = string.Empty;

    public string StreamUrl { get; private set; } = string.Empty;

    /// <summary>The expires_in of the last refreshed token.</summary>
    public int ExpiresIn { get; private set; }

    /// <summary>Gets a token (from <paramref name="issuer"/>, by default the same service) and starts a conversation with it.</summary>
    public static async Task<DirectLineClient> StartAsync(HttpClient http, HttpClient? issuer = null)
    {
        var client = new DirectLineClient(http);
        var issued = await (await (issuer ?? http).PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        client.Token = issued.GetProperty("token").GetString()!;
        client.UserId = issued.GetProperty("userId").GetString()!;
        var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        started.EnsureSuccessStatusCode();
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        client.Token = body.GetProperty("token").GetString()!;
        client.ConversationId = body.GetProperty("conversationId").GetString()!;
        client.StreamUrl = body.GetProperty("streamUrl").GetString()!;
        return client;
    }

    /// <summary>The same conversation and token, its requests sent to another service (another process of a cluster).</summary>
    public DirectLineClient Through(HttpClient other) =>
        new(other) { Token = Token, ConversationId = ConversationId, UserId = UserId, StreamUrl = StreamUrl };

    /// <summary>Reconnects (GET /conversations/{id}, with a watermark if given) and returns the streamUrl it gives.</summary>
    public async Task<Uri> StreamUrlAsync(string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}" + (watermark is null ? string.Empty : $"?watermark={watermark}"));
        response.EnsureSuccessStatusCode();
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!);
    }

    public string Activities => $"/v3/directline/conversations/{ConversationId}/activities";

    public Task<HttpResponseMessage> PostAsync(string text) =>
        SendAsync(HttpMethod.Post, Activities, new { type = "message", text, channelId = "webchat", from = new { id = UserId, role = "user" } });

    public Task<HttpResponseMessage> PollAsync(string watermark = "") => SendAsync(HttpMethod.Get, $"{Activities}?watermark={watermark}");

    public Task<HttpResponseMessage> ReconnectAsync() => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}");

    /// <summary>Refreshes the token; on success the new one is used from then on.</summary>
    public async Task<HttpResponseMessage> RefreshAsync()
    {
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        if (!response.IsSuccessStatusCode) return response;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Token = body.GetProperty("token").GetString()!;
        ExpiresIn = body.GetProperty("expires_in").GetInt32();
        return response;
    }

    /// <summary>Every activity from the start (or from <paramref name="watermark"/>), following watermarks page by page; and the bytes of the largest page.</summary>
    public async Task<(List<JsonElement> Activities, int LargestPage, int Pages)> ReadAllAsync(string watermark = "")
    {
        var all = new List<JsonElement>();
        int largest = 0, pages = 0;
        while (true)
        {
            var response = await PollAsync(watermark);
            response.EnsureSuccessStatusCode();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var set = JsonDocument.Parse(bytes).RootElement;
            var activities = set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
            if (activities.Count == 0) return (all, largest, pages);
            largest = Math.Max(largest, bytes.Length);
            pages++;
            all.AddRange(activities);
            watermark = set.GetProperty("watermark").GetString()!;
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await http.SendAsync(request);
    }
}

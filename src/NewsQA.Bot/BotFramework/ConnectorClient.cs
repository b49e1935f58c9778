using System.Net.Http.Headers;
using System.Net.Http.Json;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Sends the bot's activities back to the channel: POST {serviceUrl}v3/conversations/{conversationId}/activities/{replyToId}
/// (ids escaped: Teams ids contain ':' ';' '@'), or to the conversation when there is nothing to reply to. Returns the id
/// the channel gave the activity (a Teams stream is known by its first activity's id).
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, ConnectorTokenProvider tokens)
{
    public async Task<string?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to.");
        var conversation = Uri.EscapeDataString(activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation."));
        var path = activity.ReplyToId is { Length: > 0 } replyTo
            ? $"v3/conversations/{conversation}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{conversation}/activities";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path))
        {
            Content = JsonContent.Create(activity, options: JsonBody.Options),
        };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.CreateClient(ConnectorHttpClient.Name).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType != "application/json") return null;
        try
        {
            var resource = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken);
            return resource.ValueKind == System.Text.Json.JsonValueKind.Object && resource.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a reply with no readable id is still delivered
        }
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Sends the bot's activities back to the channel: POST {serviceUrl}v3/conversations/{conversationId}/activities/{replyToId}
/// (ids escaped: Teams ids contain ':' ';' '@'), or to the conversation when there is nothing to reply to.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, ConnectorTokenProvider tokens)
{
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
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
        using var response = await http.CreateClient(nameof(ConnectorClient)).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace NewsQA.Core.Providers;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/> (any server with the OpenAI
/// chat-completions API). Microsoft.Extensions.AI.OpenAI provides this adapter but is not installable here; when it
/// is, it replaces this one class.
/// </summary>
public sealed class OpenAIChatClient(ChatClient client, string providerName, Uri? endpoint, string model) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new(providerName, endpoint, model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = await client.CompleteChatAsync(Convert(messages), Convert(options), cancellationToken).ConfigureAwait(false);
        var text = string.Concat(completion.Value.Content.Select(part => part.Text));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text))
        {
            ModelId = completion.Value.Model,
            ResponseId = completion.Value.Id,
            CreatedAt = completion.Value.CreatedAt,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in client.CompleteChatStreamingAsync(Convert(messages), Convert(options), cancellationToken).ConfigureAwait(false))
        {
            var text = string.Concat(update.ContentUpdate.Select(part => part.Text));
            if (text.Length == 0) continue;
            yield return new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = update.Model, ResponseId = update.CompletionId };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static List<OpenAIChatMessage> Convert(IEnumerable<AIChatMessage> messages) =>
        [.. messages.Select<AIChatMessage, OpenAIChatMessage>(m =>
            m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text))];

    private static ChatCompletionOptions Convert(ChatOptions? options) => new()
    {
        Temperature = options?.Temperature,
        MaxOutputTokenCount = options?.MaxOutputTokens,
    };
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace NewsQA.Core.Tests.Support;

/// <summary>
/// A chat client whose replies come from a callback; records every request and its options. Streamed, the reply is
/// split into <see cref="StreamPieces"/> pieces of about equal length (1: the whole reply at once).
/// </summary>
public sealed class FakeChatClient : IChatClient
{
    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, string> Respond { get; set; } = (_, _) => string.Empty;

    public int StreamPieces { get; set; } = 1;

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public List<bool> Streamed { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Streamed.Add(false);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Record(messages, options))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Streamed.Add(true);
        var text = Record(messages, options);
        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)StreamPieces));
        for (var start = 0; start < text.Length; start += size)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(start, Math.Min(size, text.Length - start)));
        }
    }

    private string Record(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        Requests.Add(list);
        Options.Add(options);
        return Respond(list, options);
    }

    // Semantic Kernel asks a chat client for its metadata, as Microsoft.Extensions.AI's clients give it.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "fake-model") : null;

    public void Dispose()
    {
    }
}

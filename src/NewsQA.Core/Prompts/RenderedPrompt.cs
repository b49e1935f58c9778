using Microsoft.Extensions.AI;

namespace NewsQA.Core.Prompts;

/// <summary>A prompt rendered for a chat model: its messages and the options from its execution settings.</summary>
public sealed record RenderedPrompt(IReadOnlyList<ChatMessage> Messages, ChatOptions Options);

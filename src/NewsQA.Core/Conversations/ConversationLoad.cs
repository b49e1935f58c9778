namespace NewsQA.Core.Conversations;

/// <summary>A conversation as loaded for a turn, and whether that turn's activity was answered already.</summary>
public sealed record ConversationLoad(Conversation Conversation, bool AlreadyAnswered);

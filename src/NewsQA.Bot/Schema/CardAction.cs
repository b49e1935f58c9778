namespace NewsQA.Bot.Schema;

/// <summary>A button; NewsQA sends imBack suggestions, the one kind Teams shows as suggested actions.</summary>
public sealed record CardAction(string Type, string Title, string Value);

namespace NewsQA.Core.Prompts;

/// <summary>A prompt file is missing, malformed, or does not render with the variables it declares.</summary>
public sealed class PromptException(string message) : Exception(message);

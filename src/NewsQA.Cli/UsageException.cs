namespace NewsQA.Cli;

/// <summary>Something the user typed cannot be run; the message says what and the process exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

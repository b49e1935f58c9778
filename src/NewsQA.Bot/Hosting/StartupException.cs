namespace NewsQA.Bot.Hosting;

/// <summary>The service cannot start because of a setting; the message says which, and is all that is printed.</summary>
public sealed class StartupException(string message) : Exception(message);

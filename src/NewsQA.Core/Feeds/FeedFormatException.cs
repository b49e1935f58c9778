namespace NewsQA.Core.Feeds;

/// <summary>A feed's body is not RSS 2.0, RSS 1.0 or Atom (or not XML at all, or nested too deep); the message says what was wrong.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);

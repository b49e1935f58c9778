namespace NewsQA.Core.Ingestion;

/// <summary>
/// An article's file, page or submission cannot be read as one, for a reason in its content ("its elements are nested
/// more than 256 deep"); the message says why in a few words. The input is set aside, never retried until it changes.
/// </summary>
public sealed class ArticleFormatException(string message) : Exception(message);

namespace NewsQA.Core.Retrieval;

/// <summary>Checks a question before any work is done on it; every host reports the same reasons.</summary>
public static class QuestionValidator
{
    /// <summary>Null when the question can be searched, else a one-line reason for the user.</summary>
    public static string? Problem(string? question, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(question)) return "the question is empty";
        if (question.Length > maxChars) return $"the question is {question.Length:N0} characters long; the limit is {maxChars:N0}";
        return null;
    }
}

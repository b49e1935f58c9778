using NewsQA.Core.Providers;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>A summary request ready to answer: the message, its standalone form and language, and the passages in scope.</summary>
public sealed record SummaryRequest(string Message, string Standalone, TextLanguage Language, SummaryScope Scope)
{
    /// <summary>The summary's deadline for its model calls, when it has one.</summary>
    public ModelDeadline? Deadline { get; init; }
}

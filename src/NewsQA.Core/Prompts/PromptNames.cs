namespace NewsQA.Core.Prompts;

/// <summary>The prompts NewsQA needs, each a file prompts/{name}.yaml.</summary>
public static class PromptNames
{
    public const string Answer = "answer";
    public const string Summarize = "summarize";
    public const string Condense = "condense";
    public const string TranslateQuery = "translate-query";

    public static readonly IReadOnlyList<string> Required = [Answer, Summarize, Condense, TranslateQuery];
}

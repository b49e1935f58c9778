namespace NewsQA.Core.Prompts;

/// <summary>Sample variables that exercise every part of each prompt, for the start-up test render.</summary>
public static class PromptSamples
{
    private static readonly List<Dictionary<string, object?>> Passages =
    [
        new() { ["number"] = 1, ["title"] = "عنوان", ["paragraph"] = 1, ["text"] = "نص الفقرة." },
    ];

    public static IReadOnlyDictionary<string, object?> For(string prompt) => prompt switch
    {
        PromptNames.Answer => new Dictionary<string, object?> { ["question"] = "سؤال؟", ["language"] = "Arabic", ["passages"] = Passages },
        PromptNames.Summarize => new Dictionary<string, object?> { ["question"] = "لخص", ["language"] = "Arabic", ["passages"] = Passages, ["title"] = "عنوان", ["notes"] = null },
        PromptNames.Condense => new Dictionary<string, object?> { ["question"] = "and then?", ["history"] = new List<Dictionary<string, object?>> { new() { ["question"] = "q", ["answer"] = "a [1]" } } },
        PromptNames.TranslateQuery => new Dictionary<string, object?> { ["question"] = "Who?", ["target_language"] = "Arabic" },
        _ => throw new PromptException($"No sample variables for prompt {prompt}"),
    };
}

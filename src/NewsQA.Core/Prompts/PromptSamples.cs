using Microsoft.SemanticKernel;

namespace NewsQA.Core.Prompts;

/// <summary>Sample arguments that exercise every part of each prompt, for the start-up test render.</summary>
public static class PromptSamples
{
    private const string Passages = "[1] عنوان (paragraph 1)\nنص الفقرة.";

    public static KernelArguments For(string prompt) => prompt switch
    {
        PromptNames.Answer => new() { ["question"] = "سؤال؟", ["language"] = "Arabic", ["passages"] = Passages },
        PromptNames.Summarize => new() { ["question"] = "لخص", ["language"] = "Arabic", ["passages"] = Passages, ["title"] = "عنوان", ["notes"] = "- نقطة [1]" },
        PromptNames.Condense => new() { ["question"] = "and then?", ["history"] = "User: q\nAssistant: a [1]" },
        PromptNames.TranslateQuery => new() { ["question"] = "Who?", ["target_language"] = "Arabic" },
        _ => throw new PromptException($"No sample arguments for prompt {prompt}"),
    };
}

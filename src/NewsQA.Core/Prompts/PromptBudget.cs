using Microsoft.ML.Tokenizers;

namespace NewsQA.Core.Prompts;

/// <summary>
/// Measures prompt text in model tokens rather than characters: o200k_base, the encoding of OpenAI's current models,
/// through Microsoft.ML.Tokenizers. Arabic and English take very different numbers of characters per token, so a
/// character budget is either wasteful for one or too large for the other. Other providers' tokenizers differ, but
/// by far less than characters do.
/// </summary>
public static class PromptBudget
{
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int CountTokens(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    /// <summary>The text cut to at most <paramref name="maxTokens"/> tokens, with "…" when something was cut.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var end = Tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return end >= text.Length ? text : text[..end].TrimEnd() + "…";
    }
}

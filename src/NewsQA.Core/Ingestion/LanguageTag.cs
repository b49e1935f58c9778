using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingestion;

/// <summary>Language tags as metadata declares them ("ar", "en-US", "ar_IQ"), reduced to the lower-case primary language.</summary>
public static partial class LanguageTag
{
    /// <summary>The primary language of a tag ("ar-IQ" → "ar"), or null when the value is not a language tag.</summary>
    public static string? Normalize(string? tag)
    {
        if (tag is null) return null;
        var match = TagPattern().Match(tag.Trim());
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")]
    private static partial Regex TagPattern();
}

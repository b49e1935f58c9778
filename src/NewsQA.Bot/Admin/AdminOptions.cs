using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.Admin;

/// <summary>Section "Admin": the key of the admin API (/api/articles). Without a key the admin API is off.</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string SectionName = "Admin";

    // Shorter keys can be guessed; 16 characters is the floor, a random 32-byte hex key the advice (docs/live-news.md).
    private const int MinKeyLength = 16;

    /// <summary>A secret, from the environment only (NEWSQA_Admin__ApiKey); requests send it as "Authorization: Bearer KEY".</summary>
    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && ApiKey!.Length < MinKeyLength)
        {
            yield return new ValidationResult(
                $"Admin:ApiKey is shorter than {MinKeyLength} characters; use a long random key (openssl rand -hex 32). See docs/live-news.md, Admin API", [nameof(ApiKey)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace NewsQA.Core.State;

/// <summary>
/// Section "Redis": where the state that several NewsQA processes share is kept (conversations, Direct Line, feedback).
/// Unset, every store is in-process, as a single process needs nothing else.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string ("127.0.0.1:6379", "redis1:6379,password=…"); set it in the environment
    /// when it carries a password. Unset: in-process stores.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>The first part of every key NewsQA writes, so that several deployments can share one server.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "Redis:KeyPrefix must be 1 to 64 letters, digits, '_', '.' or '-'")]
    public string KeyPrefix { get; set; } = "newsqa";

    /// <summary>Whether the stores are Redis's (a configuration is set) rather than in-process.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        string? problem = null;
        try
        {
            if (ConfigurationOptions.Parse(Configuration!).EndPoints.Count == 0) problem = "names no server";
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult($"Redis:Configuration is not a StackExchange.Redis configuration string ({problem}); see docs/configuration.md", [nameof(Configuration)]);
        }
    }
}

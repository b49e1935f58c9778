using Microsoft.Extensions.Options;
using NewsQA.Core.State;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// DirectLine:TokenSigningKey at start-up: a secret, so never from the committed appsettings.json; at least 16
/// characters when set; and required when the state is shared through Redis, since every process must check the tokens
/// any other issued (a random key per process would make each one's tokens worthless on the others).
/// </summary>
public sealed class DirectLineSigningKeyCheck(IOptions<RedisOptions> redis, string? committedKey) : IValidateOptions<DirectLineOptions>
{
    public const int MinimumLength = 16;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        if (!string.IsNullOrEmpty(committedKey))
        {
            return ValidateOptionsResult.Fail("DirectLine:TokenSigningKey is a secret: set it in the environment (NEWSQA_DirectLine__TokenSigningKey), not in appsettings.json. See docs/configuration.md");
        }

        if (options.TokenSigningKey is { Length: > 0 and < MinimumLength })
        {
            return ValidateOptionsResult.Fail($"DirectLine:TokenSigningKey must be at least {MinimumLength} characters (e.g. openssl rand -hex 32). See docs/configuration.md");
        }

        if (redis.Value.Enabled && string.IsNullOrEmpty(options.TokenSigningKey))
        {
            return ValidateOptionsResult.Fail("DirectLine:TokenSigningKey is required when Redis:Configuration is set: every process must accept the tokens the others issue. "
                + "Set the same NEWSQA_DirectLine__TokenSigningKey on each. See docs/scale-out.md");
        }

        return ValidateOptionsResult.Success;
    }
}

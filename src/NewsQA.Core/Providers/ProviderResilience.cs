using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace NewsQA.Core.Providers;

/// <summary>
/// Transient-failure handling for provider calls, on the HttpClient the OpenAI SDK uses: the whole call, retries and
/// their waits included, stays within AI:TimeoutSeconds; a 408, 429 or 5xx answer, a refused connection or an attempt
/// that timed out is retried with exponential back-off and jitter (honouring Retry-After), at most
/// <see cref="MaxRetries"/> times. Each attempt gets half the budget, so one stalled attempt leaves time for another.
/// </summary>
public static class ProviderResilience
{
    public const int MaxRetries = 3;

    // Polly's and the standard resilience handler's default first delay; doubled at each retry.
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AIOptions options)
    {
        var budget = TimeSpan.FromSeconds(options.TimeoutSeconds);
        pipeline.AddTimeout(budget);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = FirstRetryDelay,
            ShouldRetryAfterHeader = true, // the default ShouldHandle is exactly the transient set above
        });
        pipeline.AddTimeout(budget / 2);
    }
}

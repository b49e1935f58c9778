using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Conversations;
using NewsQA.Core.Providers;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// A generator with another behind it, chosen once at start-up (a language model with the offline generator behind):
/// when the first throws, for whatever reason (a provider error, a malformed or cut stream, truncated JSON, the
/// answer's deadline), or ends without a final answer (nothing it wrote was grounded), or condenses to nothing, the
/// second answers. What the first streamed meanwhile is superseded by the second's final answer, so every channel ends
/// its stream with an answer. The second runs only then: a model answer costs no offline answer.
/// </summary>
public sealed partial class FallbackAnswerGenerator(IAnswerGenerator first, IAnswerGenerator second, ILogger<FallbackAnswerGenerator> logger) : IAnswerGenerator
{
    public bool Streams => first.Streams;

    public async Task<StandaloneQuestion> CondenseAsync(string message, Conversation? conversation, CancellationToken cancellationToken)
    {
        try
        {
            var standalone = await first.CondenseAsync(message, conversation, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(standalone.Text)) return standalone;
        }
        catch (Exception e) when (Fails(e))
        {
            Log(e);
        }

        return await second.CondenseAsync(message, conversation, CancellationToken.None).ConfigureAwait(false);
    }

    public IAsyncEnumerable<AnswerUpdate> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
        WithFallbackAsync(first.AnswerAsync(request, cancellationToken), () => second.AnswerAsync(request, CancellationToken.None), cancellationToken);

    public IAsyncEnumerable<AnswerUpdate> SummarizeAsync(SummaryRequest request, CancellationToken cancellationToken) =>
        WithFallbackAsync(first.SummarizeAsync(request, cancellationToken), () => second.SummarizeAsync(request, CancellationToken.None), cancellationToken);

    // The second generator is given no token: its answer is the one owed once the first's time is up. A caller that went
    // away is noticed by the service after the answer (and the offline answer costs milliseconds).
    private async IAsyncEnumerable<AnswerUpdate> WithFallbackAsync(
        IAsyncEnumerable<AnswerUpdate> updates, Func<IAsyncEnumerable<AnswerUpdate>> fallback, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answered = false;
        var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (!answered)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) break;
                }
                catch (Exception e) when (Fails(e))
                {
                    Log(e);
                    break;
                }

                answered = enumerator.Current.Final is not null;
                yield return enumerator.Current;
            }
        }
        finally
        {
            await DisposeQuietlyAsync(enumerator).ConfigureAwait(false);
        }

        if (answered) yield break;
        await foreach (var update in fallback().ConfigureAwait(false)) yield return update;
    }

    // An enumerator abandoned mid-stream may fail again while it lets go of its connection; the answer is owed regardless.
    private async Task DisposeQuietlyAsync(IAsyncEnumerator<AnswerUpdate> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (Fails(e))
        {
            Log(e);
        }
    }

    private static bool Fails(Exception e) => ProviderFailure.IsRecoverable(e);

    // What a provider does wrong is a warning; anything else is a fault in NewsQA, logged with its stack.
    private void Log(Exception e)
    {
        if (ProviderFailure.Is(e)) LogProviderFailed(logger, e.GetType().Name, e.Message);
        else LogFailed(logger, e);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model failed ({Kind}: {Reason}); answering offline")]
    private static partial void LogProviderFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The model answer failed unexpectedly; answering offline")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// One answer sent as a livestream: an informative update (its id becomes the stream's id), then the text so far as
/// cumulative typing updates with increasing sequence numbers, at most one per the channel's interval (the latest text
/// wins; one still waiting is sent when the interval is up), then the final message. Time is the host's
/// <see cref="TimeProvider"/>, so the pacing can be driven by a fake clock.
/// </summary>
public sealed partial class AnswerStream(IReplySender sender, Activity incoming, TimeProvider clock, ILogger logger)
{
    private readonly Lock _gate = new();
    private string? _streamId;
    private int _sequence;
    private DateTimeOffset _lastSent;
    private string _sentText = string.Empty;
    private string? _pending;
    private bool _flushing;
    private bool _finishing;
    private Task _flush = Task.CompletedTask;

    public async Task StartAsync(string informative, CancellationToken cancellationToken)
    {
        var update = incoming.CreateReply(ActivityTypes.Typing);
        update.Text = informative;
        sender.MarkStream(update, new StreamInfo(StreamInfo.Informative, null, ++_sequence));
        _streamId = await sender.SendAsync(update, cancellationToken);
        _lastSent = clock.GetUtcNow();
    }

    /// <summary>The whole text so far; sent now if the interval allows, else when it is up (unless newer text comes first).</summary>
    public void Update(string text, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_finishing) return;
            _pending = text;
            if (_flushing) return;
            _flushing = true;
        }

        _flush = FlushAsync(cancellationToken);
    }

    /// <summary>Ends the stream with the final message (a pending chunk is dropped: the final text supersedes it).</summary>
    public async Task FinishAsync(Activity final, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _finishing = true;
            _pending = null;
        }

        await _flush;
        await WaitForIntervalAsync(cancellationToken);
        sender.MarkStream(final, new StreamInfo(StreamInfo.Final, _streamId, null));
        await sender.SendAsync(final, cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForIntervalAsync(cancellationToken);
            string? text;
            lock (_gate)
            {
                text = _finishing ? null : _pending;
                _pending = null;
                if (text is null)
                {
                    _flushing = false;
                    return;
                }
            }

            if (text == _sentText) continue;
            var update = incoming.CreateReply(ActivityTypes.Typing);
            update.Text = text;
            sender.MarkStream(update, new StreamInfo(StreamInfo.Streaming, _streamId, ++_sequence));
            try
            {
                await sender.SendAsync(update, cancellationToken);
                _sentText = text;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or IOException or OperationCanceledException)
            {
                // A lost chunk (a failed or timed-out send) is superseded by the next one, or by the final message.
                LogChunkFailed(logger, e.Message);
            }

            _lastSent = clock.GetUtcNow();
        }
    }

    private async Task WaitForIntervalAsync(CancellationToken cancellationToken)
    {
        var wait = _lastSent + sender.StreamInterval - clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A streamed update could not be sent: {Reason}")]
    private static partial void LogChunkFailed(ILogger logger, string reason);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NewsQA.Testing;

/// <summary>
/// A way a model server breaks its reply, to a streamed or a plain completion: the misbehaviours an independent probe
/// of the bot found (malformed server-sent events, a chunk cut mid-stream, truncated JSON, a stall before the headers,
/// a stream that trickles), each written by <see cref="LoopbackModelServer"/> when its <c>Misbehave</c> picks it.
/// <see cref="Completed"/> counts the replies written to their end, so a test can tell an answer arrived before a
/// trickle ended without timing anything.
/// </summary>
public sealed class ModelMisbehaviour
{
    private readonly Func<HttpContext, ModelRequest, IReadOnlyList<string>, Task> _write;
    private int _completed;

    private ModelMisbehaviour(string name, Func<HttpContext, ModelRequest, IReadOnlyList<string>, Task> write)
    {
        Name = name;
        _write = write;
    }

    public string Name { get; }

    /// <summary>How many replies were written to their end (not cut off by the client going away).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>The first pieces as proper events, then a data line that is not JSON (and then the end of the stream).</summary>
    public static ModelMisbehaviour MalformedEvents() => new("malformed events", async (context, request, pieces) =>
    {
        if (!request.Stream)
        {
            await WritePlainAsync(context, "{\"id\": \"chatcmpl-1\", \"choices\": [ this is not json");
            return;
        }

        await StartEventsAsync(context);
        await WriteEventAsync(context, Chunk(request, pieces.Count > 0 ? pieces[0] : "The answer "));
        await WriteEventAsync(context, "this is not json {");
        await WriteEventAsync(context, "[DONE]");
    });

    /// <summary>The first pieces, then half an event, and the connection dropped in the middle of the chunk.</summary>
    public static ModelMisbehaviour CutChunk() => new("cut chunk", async (context, request, pieces) =>
    {
        var half = request.Stream ? string.Empty : PlainReply(request, string.Concat(pieces));
        if (request.Stream)
        {
            await StartEventsAsync(context);
            foreach (var piece in pieces.Take(2)) await WriteEventAsync(context, Chunk(request, piece));
            half = "data: " + Chunk(request, "and then");
        }
        else
        {
            context.Response.ContentType = "application/json";
        }

        await context.Response.WriteAsync(half[..(half.Length / 2)]);
        await context.Response.Body.FlushAsync();
        context.Abort();
    });

    /// <summary>The first pieces, then an event whose JSON stops half-way, and the stream ended cleanly after it.</summary>
    public static ModelMisbehaviour TruncatedJson() => new("truncated JSON", async (context, request, pieces) =>
    {
        if (!request.Stream)
        {
            var whole = PlainReply(request, string.Concat(pieces));
            await WritePlainAsync(context, whole[..(whole.Length / 2)]);
            return;
        }

        await StartEventsAsync(context);
        foreach (var piece in pieces.Take(2)) await WriteEventAsync(context, Chunk(request, piece));
        var chunk = Chunk(request, "and then");
        await WriteEventAsync(context, chunk[..(chunk.Length / 2)]);
    });

    /// <summary>Nothing at all, not even the headers, for <paramref name="stall"/>; then the proper reply.</summary>
    public static ModelMisbehaviour StallBeforeHeaders(TimeSpan stall) => new("stall before headers", async (context, request, pieces) =>
    {
        await Task.Delay(stall, context.RequestAborted);
        await WriteProperlyAsync(context, request, pieces, TimeSpan.Zero);
    });

    /// <summary>The proper reply, one piece every <paramref name="interval"/>: each read is quick, the whole is not.</summary>
    public static ModelMisbehaviour Trickle(TimeSpan interval) => new("trickle", (context, request, pieces) => WriteProperlyAsync(context, request, pieces, interval));

    public async Task WriteAsync(HttpContext context, ModelRequest request, IReadOnlyList<string> pieces)
    {
        try
        {
            await _write(context, request, pieces);
            if (!context.RequestAborted.IsCancellationRequested) Interlocked.Increment(ref _completed);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up on the reply, as it should.
        }
        catch (IOException)
        {
            // The client went away mid-write.
        }
    }

    public override string ToString() => Name;

    /// <summary>One streamed piece as the OpenAI chat API sends it (the JSON of a chat.completion.chunk).</summary>
    public static string Chunk(ModelRequest request, string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = request.Model,
        choices = new[] { new { index = 0, delta = new { content }, finish_reason = (string?)null } },
    });

    /// <summary>A whole reply as the OpenAI chat API sends it (the JSON of a chat.completion).</summary>
    public static string PlainReply(ModelRequest request, string content) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1_700_000_000, model = request.Model,
        choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content } } },
        usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
    });

    private static async Task WriteProperlyAsync(HttpContext context, ModelRequest request, IReadOnlyList<string> pieces, TimeSpan interval)
    {
        if (!request.Stream)
        {
            if (interval > TimeSpan.Zero) await Task.Delay(interval * pieces.Count, context.RequestAborted);
            await WritePlainAsync(context, PlainReply(request, string.Concat(pieces)));
            return;
        }

        await StartEventsAsync(context);
        foreach (var piece in pieces)
        {
            if (interval > TimeSpan.Zero) await Task.Delay(interval, context.RequestAborted);
            await WriteEventAsync(context, Chunk(request, piece));
        }

        await WriteEventAsync(context, "[DONE]");
    }

    private static async Task WritePlainAsync(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private static async Task StartEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync();
    }

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}

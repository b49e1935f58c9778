using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsQA.Bot.Tests.Cluster;

/// <summary>
/// A loopback HTTP proxy between the replicas and the indexer, so a test can catch a revision's copy in the middle: while
/// <see cref="HoldCopies"/> is set, a file's response is passed on up to its first bytes and then held; the test kills the
/// indexer and calls <see cref="CutHeldCopies"/>, and the replicas see their copy end short, as they would if the
/// indexer died mid-copy with nothing in between. Everything else is passed through as it comes.
/// </summary>
public sealed class HoldingProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new();
    private readonly TaskCompletionSource _copyHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HoldingProxy(WebApplication app) => _app = app;

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Where requests go (the indexer's address).</summary>
    public Uri? Upstream { get; set; }

    public volatile bool HoldCopies;

    /// <summary>Completes once a file's copy has started and is held.</summary>
    public Task CopyHeld => _copyHeld.Task;

    public static async Task<HoldingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new HoldingProxy(app) { Upstream = upstream };
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    /// <summary>Ends every held copy (and every later one) by cutting its connection.</summary>
    public void CutHeldCopies() => _cut.TrySetResult();

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Upstream!, context.Request.Path + context.Request.QueryString));
        if (context.Request.Headers.Authorization.Count > 0) request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        HttpResponseMessage response;
        try
        {
            response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException)
        {
            context.Abort(); // the indexer is gone: so is the connection
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            var hold = HoldCopies && context.Request.Path.Value!.EndsWith("/obtain", StringComparison.OrdinalIgnoreCase);
            if (!hold)
            {
                await body.CopyToAsync(context.Response.Body, context.RequestAborted);
                return;
            }

            var first = new byte[1];
            var read = await body.ReadAsync(first, context.RequestAborted);
            await context.Response.Body.WriteAsync(first.AsMemory(0, read), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            _copyHeld.TrySetResult();
            await _cut.Task;
            context.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _cut.TrySetResult();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsQA.Testing;

/// <summary>
/// A news site on loopback (Kestrel on 127.0.0.1, a free port) that a test starts: RSS and Atom feeds with ETags,
/// article pages (one with heavy navigation), a malformed feed, a 404, a page over any small size cap (sent chunked,
/// with no Content-Length), a slow page that answers only when the test says, and redirects. It records every request.
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private NewsSite(WebApplication app) => _app = app;

    /// <summary>Every request as (path, If-None-Match, User-Agent), in order of arrival.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? UserAgent)> Requests { get; } = new();

    /// <summary>Completes when the slow page's request has arrived.</summary>
    public TaskCompletionSource SlowRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completing it lets the slow page answer.</summary>
    public TaskCompletionSource ReleaseSlowPage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public static async Task<NewsSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = new NewsSite(builder.Build());
        site.MapDefaults();
        site._app.Run(site.HandleAsync);
        await site._app.StartAsync();
        return site;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (replacing what was there).</summary>
    public void Serve(string path, string contentType, string body, string? etag = null) => _routes[path] = async context =>
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body.Replace("{site}", BaseAddress.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal));
    };

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue((path, context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault()));
        if (_routes.TryGetValue(path, out var handler)) await handler(context);
        else context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private void MapDefaults()
    {
        Serve("/rss.xml", "application/rss+xml; charset=utf-8", NewsPages.Rss, "\"rss-1\"");
        Serve("/atom.xml", "application/atom+xml; charset=utf-8", NewsPages.Atom, "\"atom-1\"");
        Serve("/malformed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Broken</title><item><title>No end");
        Serve("/articles/ceasefire.html", "text/html; charset=utf-8", NewsPages.HeavyNavigationPage);
        Serve("/articles/nato-ar.html", "text/html; charset=utf-8", NewsPages.ArabicPage);
        Serve("/articles/dam.html", "text/html; charset=utf-8", NewsPages.TimeElementPage);
        Serve("/articles/undated.html", "text/html; charset=utf-8", NewsPages.UndatedPage);
        Serve("/articles/dam-copy.html", "text/html; charset=utf-8", NewsPages.TimeElementPage.Replace("/articles/dam.html", "/articles/dam-copy.html", StringComparison.Ordinal));
        Map("/articles/huge.html", async context =>
        {
            context.Response.ContentType = "text/html";
            var chunk = "<p>" + new string('x', 8000) + "</p>";
            for (var i = 0; i < 640; i++) await context.Response.WriteAsync(chunk); // 5 MB, over the 4 MiB default, chunked: no Content-Length
        });
        Map("/articles/slow.html", async context =>
        {
            SlowRequestArrived.TrySetResult();
            await ReleaseSlowPage.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync(NewsPages.UndatedPage);
        });
        Map("/redirect-to-ftp", context =>
        {
            context.Response.Redirect("ftp://127.0.0.1/article.html");
            return Task.CompletedTask;
        });
        Map("/moved", context =>
        {
            context.Response.Redirect("/articles/dam.html", permanent: true);
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseSlowPage.TrySetResult();
        await _app.DisposeAsync();
    }
}

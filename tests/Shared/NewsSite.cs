using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsQA.Testing;

/// <summary>
/// A news site on loopback (an HttpListener on 127.0.0.1 and a free port) that a test starts: RSS and Atom feeds with
/// ETags, article pages (one with heavy navigation), a malformed feed, a 404, a page over the default size cap (sent
/// chunked, with no Content-Length), a slow page that answers only when the test says, and redirects. It records
/// every request. HttpListener rather than Kestrel, so that test projects running the CLI as a process need no
/// ASP.NET Core framework beside it.
/// </summary>
public sealed class NewsSite : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    private NewsSite(HttpListener listener, Uri baseAddress)
    {
        _listener = listener;
        BaseAddress = baseAddress;
        MapDefaults();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The one page of the site that must never be fetched: it stands for an intranet page a feed points to.</summary>
    public const string SecretPath = "/internal/secret.html";

    public const string SecretCode = "7-4-1-9";

    /// <summary>
    /// Serves a feed at <c>/intranet.xml</c>, to be read at the site's name, localhost, whose items are the secret page
    /// at 127.0.0.1, a page at localhost that redirects to it, and the dam article at localhost, in that order.
    /// </summary>
    public Uri ServeIntranetFeed()
    {
        var secret = Url(SecretPath).AbsoluteUri;
        Serve(SecretPath, "text/html", $"<html><body><article><p>The vault code of the internal billing service is {SecretCode}, the administrator wrote on Friday.</p></article></body></html>");
        _routes["/redirect-internal"] = context => Redirect(context, 302, secret);
        var local = LocalhostUrl("/").AbsoluteUri.TrimEnd('/');
        Serve("/intranet.xml", "application/rss+xml", HostileInputs.Rss("Intranet Wire",
            ("Vault", secret, null), ("Vault again", $"{local}/redirect-internal", null), ("Dam", $"{local}/articles/dam.html", null)));
        return LocalhostUrl("/intranet.xml");
    }

    /// <summary>Serves whatever <paramref name="handler"/> writes at <paramref name="path"/> (replacing what was there).</summary>
    public void Map(string path, Func<HttpListenerContext, Task> handler) => _routes[path] = handler;

    /// <summary>Every request as (path, If-None-Match, User-Agent), in order of arrival.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? UserAgent)> Requests { get; } = new();

    /// <summary>Completes when the slow page's request has arrived.</summary>
    public TaskCompletionSource SlowRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completing it lets the slow page answer.</summary>
    public TaskCompletionSource ReleaseSlowPage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>The same site as http://localhost:port/, a host name of its own (for hosts told apart, and for opt-in by name).</summary>
    public Uri LocalhostUrl(string path) => new($"http://localhost:{BaseAddress.Port}/{path.TrimStart('/')}");

    /// <summary>
    /// The site's addresses are loopback, which NewsQA refuses to fetch from unless Ingestion:AllowPrivateHosts names
    /// the host (docs/security.md); these settings name it, as configuration and as the environment.
    /// </summary>
    public const string AllowedHost = "127.0.0.1";

    public static Dictionary<string, string?> AllowSettings(string host = AllowedHost) => new() { ["Ingestion:AllowPrivateHosts:0"] = host };

    public static Dictionary<string, string?> AllowEnvironment(string host = AllowedHost) => new() { ["NEWSQA_Ingestion__AllowPrivateHosts__0"] = host };

    public static Task<NewsSite> StartAsync()
    {
        // HttpListener cannot take port 0: find a free port, then listen on it (again, should another process win it).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(baseAddress.AbsoluteUri);
            listener.Prefixes.Add($"http://localhost:{port}/");
            try
            {
                listener.Start();
                return Task.FromResult(new NewsSite(listener, baseAddress));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (replacing what was there).</summary>
    public void Serve(string path, string contentType, string body, string? etag = null) => _routes[path] = async context =>
    {
        if (etag is not null)
        {
            context.Response.Headers["ETag"] = etag;
            if (context.Request.Headers["If-None-Match"] == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }
        }

        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body.Replace("{site}", BaseAddress.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal));
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    };

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue((path, context.Request.Headers["If-None-Match"], context.Request.Headers["User-Agent"]));
        try
        {
            if (_routes.TryGetValue(path, out var handler)) await handler(context);
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (a timeout, a size cap): nothing to answer.
        }
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
        Serve("/articles/dam-copy.html", "text/html; charset=utf-8", NewsPages.TimeElementPage);
        _routes["/articles/huge.html"] = async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.SendChunked = true; // no Content-Length to go by
            var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 8000) + "</p>");
            for (var i = 0; i < 640; i++) await context.Response.OutputStream.WriteAsync(chunk); // 5 MB, over the 4 MiB default
        };
        _routes["/articles/slow.html"] = async context =>
        {
            SlowRequestArrived.TrySetResult();
            await ReleaseSlowPage.Task;
            context.Response.ContentType = "text/html";
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(NewsPages.UndatedPage));
        };
        _routes["/redirect-to-ftp"] = context => Redirect(context, 302, "ftp://127.0.0.1/article.html");
        _routes["/moved"] = context => Redirect(context, 301, "/articles/dam.html");
    }

    private static Task Redirect(HttpListenerContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["Location"] = location;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseSlowPage.TrySetResult();
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

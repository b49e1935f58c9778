using System.Collections.Concurrent;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Everything outside the bot, on loopback: the channel's connector (the serviceUrl replies go to), the Bot Framework
/// OpenID metadata and its signing keys (with endorsements), Entra's metadata (same keys), and the Entra token endpoint.
/// A server made with a redirect answers connector calls (all, or those it picks) with that status and a Location on
/// another server.
/// </summary>
public sealed class ChannelServer : IAsyncDisposable
{
    public const string AppId = "9f0c1a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b";
    public const string Issuer = "https://api.botframework.com";
    public const string EntraIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);

    public ConcurrentQueue<(string Path, string? Authorization, JsonElement Body)> Received { get; } = new();

    /// <summary>Every request that reached this server, whatever its method and path ("POST /v3/...").</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public int TokenRequests;

    private readonly Lock _gate = new();
    private (int Status, string Target, Func<JsonElement, bool> Which)? _redirect;

    /// <summary>Per received activity, in order: the id the connector gave it and when it came by <see cref="Clock"/>.</summary>
    public List<(string Id, DateTimeOffset At)> Returned { get; } = [];

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private ChannelServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    /// <summary>Starts one; with <paramref name="redirectTo"/>, the activities <paramref name="redirecting"/> picks (all by default) get the redirect.</summary>
    public static async Task<ChannelServer> StartAsync(int redirectStatus = 0, string? redirectTo = null, Func<JsonElement, bool>? redirecting = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ChannelServer(app) { _redirect = redirectTo is null ? null : (redirectStatus, redirectTo, redirecting ?? (_ => true)) };
        app.Use(async (context, next) =>
        {
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapPost("/v3/conversations/{conversation}/activities/{activity}", (Delegate)((HttpContext c) => server.CaptureAsync(c)));
        app.MapPost("/v3/conversations/{conversation}/activities", (Delegate)((HttpContext c) => server.CaptureAsync(c)));
        app.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = server.BaseUrl + "keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/openid-entra", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = EntraIssuer,
            ["jwks_uri"] = server.BaseUrl + "keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () =>
        {
            var p = server._key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "k1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = new[] { "msteams", "webchat" } } } });
        });
        app.MapPost("/token/{tenant}/oauth2/v2.0/token", () =>
        {
            Interlocked.Increment(ref server.TokenRequests);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "connector-token" });
        });
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> CaptureAsync(HttpContext context)
    {
        var body = await JsonDocument.ParseAsync(context.Request.Body);
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget; // as sent, escapes kept
        var id = Guid.NewGuid().ToString();
        lock (_gate)
        {
            Returned.Add((id, Clock.GetUtcNow()));
            Received.Enqueue((raw, context.Request.Headers.Authorization.FirstOrDefault(), body.RootElement.Clone()));
        }

        if (_redirect is { } redirect && redirect.Which(body.RootElement))
        {
            context.Response.Headers.Location = redirect.Target.TrimEnd('/') + raw;
            return Results.StatusCode(redirect.Status);
        }

        return Results.Json(new { id });
    }

    public string Token(string? audience = AppId, string issuer = Issuer, string? serviceUrl = null, DateTime? expires = null, bool otherKey = false, Dictionary<string, string>? claims = null)
    {
        var key = new RsaSecurityKey(otherKey ? _otherKey : _key) { KeyId = "k1" };
        var handler = new JwtSecurityTokenHandler();
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        var identity = new ClaimsIdentity([new Claim("serviceurl", serviceUrl ?? BaseUrl), .. (claims ?? []).Select(c => new Claim(c.Key, c.Value))]);
        var token = handler.CreateJwtSecurityToken(issuer, audience, identity,
            notBefore, expires ?? DateTime.UtcNow.AddHours(1), notBefore, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return handler.WriteToken(token);
    }

    public async Task<List<(string Path, string? Authorization, JsonElement Body)>> WaitForAsync(int count)
    {
        await Eventually.HoldsAsync(() => Received.Count >= count);
        return [.. Received];
    }

    /// <summary>Waits for an activity matching <paramref name="done"/>, calling <paramref name="step"/> between looks (to move a fake clock).</summary>
    public async Task<List<(string Path, string? Authorization, JsonElement Body)>> WaitUntilAsync(Func<JsonElement, bool> done, Action? step = null)
    {
        await Eventually.HoldsAsync(() => Received.Any(r => done(r.Body)), step);
        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
        _otherKey.Dispose();
    }
}

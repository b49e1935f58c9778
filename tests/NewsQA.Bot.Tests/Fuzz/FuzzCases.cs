using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// Generates the fuzz test's requests from a seed: every endpoint, each with mutated bodies, headers, ids, query values
/// and tokens, and a share of raw HTTP with broken framing. Valid material (real tokens, conversation and passage ids)
/// is mutated rather than invented, so that the cases reach past the first check.
/// </summary>
public sealed class FuzzCases(JsonMutator mutator, FuzzMaterial material)
{
    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ""];

    private Random Random => mutator.Random;

    public FuzzCase Next()
    {
        var kind = Random.Next(15);
        return kind switch
        {
            0 or 1 => Json(HttpMethod.Post, "/api/ask", material.AskBody(Random), "ask", problem: ServerSentEvents.AskProblem),
            2 => AskStream(),
            3 => Get($"/sources/{Id(material.PassageId)}?start={Number()}&length={Number()}", "sources", accept: Random.Next(2) == 0 ? "application/json" : "text/html"),
            4 or 5 => Json(HttpMethod.Post, "/api/messages", material.ActivityBody(Random), "messages", authorization: Random.Next(4) == 0 ? Token() : null),
            6 => Json(HttpMethod.Post, "/api/directline/token", "{}", "dl token"),
            7 => Json(HttpMethod.Post, "/v3/directline/conversations", "{\"user\":{\"id\":\"dl_x\"}}", "dl start", Token()),
            8 => Get($"/v3/directline/conversations/{Id(material.ConversationId)}?watermark={Number()}", "dl reconnect", Token()),
            9 or 10 => Json(HttpMethod.Post, $"/v3/directline/conversations/{Id(material.ConversationId)}/activities", material.WebChatBody(Random), "dl post", Token()),
            11 => Get($"/v3/directline/conversations/{Id(material.ConversationId)}/activities?watermark={Number()}", "dl poll", Token()),
            12 => Json(HttpMethod.Post, "/v3/directline/tokens/refresh", string.Empty, "dl refresh", Token()),
            13 => Admin(),
            _ => Other(),
        };
    }

    /// <summary>
    /// A case for the endpoints whose answers a model streams: the REST API and its event stream, Teams (1:1 chats
    /// stream through the connector) and the web chat (posted with the conversation's own token, so that it answers).
    /// </summary>
    public FuzzCase NextAnswering() => Random.Next(9) switch
    {
        0 => Json(HttpMethod.Post, "/api/ask", material.AskBody(Random), "ask", problem: ServerSentEvents.AskProblem),
        1 or 2 or 3 => AskStream(),
        4 or 5 or 6 => Json(HttpMethod.Post, "/api/messages", material.ActivityBody(Random), "messages"),
        _ => Json(HttpMethod.Post, $"/v3/directline/conversations/{material.ConversationId}/activities", material.WebChatBody(Random), "dl post", $"Bearer {material.Token}"),
    };

    /// <summary>A raw request with its framing broken in one of the ways a client library would never write.</summary>
    public FuzzCase NextRaw()
    {
        string[] paths = ["/api/ask", "/api/messages", $"/v3/directline/conversations/{material.ConversationId}/activities", "/api/ask/stream", "/healthz", "/"];
        var path = paths[Random.Next(paths.Length)];
        var body = Encoding.UTF8.GetString(mutator.Mutate(material.AskBody(Random)));
        var auth = $"Authorization: Bearer {material.Token}\r\n";
        var (name, raw, ends) = Random.Next(12) switch
        {
            0 => ("chunk size", $"POST {path} HTTP/1.1\r\nHost: x\r\n{auth}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{ChunkSize()}\r\n{body}\r\n0\r\n\r\n", false),
            1 => ("chunk framing", $"POST {path} HTTP/1.1\r\nHost: x\r\n{auth}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{body.Length:x}\r\n{body}{Junk(4)}0\r\n\r\n", false),
            2 => ("body cut short", $"POST {path} HTTP/1.1\r\nHost: x\r\n{auth}Content-Length: {body.Length + Random.Next(1, 5000)}\r\n\r\n{body}", true),
            3 => ("two lengths", $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: {body.Length}\r\nContent-Length: {body.Length + 1}\r\nConnection: close\r\n\r\n{body}", false),
            4 => ("length and chunked", $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{body.Length:x}\r\n{body}\r\n0\r\n\r\n", false),
            5 => ("bad header", $"POST {path} HTTP/1.1\r\nHost: x\r\n{BadHeader()}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}", false),
            6 => ("bad request line", $"{BadRequestLine(path)}\r\nHost: x\r\nConnection: close\r\n\r\n", false),
            7 => ("no host", $"GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n", false),
            8 => ("HTTP/1.0 chunked", $"POST {path} HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{body.Length:x}\r\n{body}\r\n0\r\n\r\n", true),
            9 => ("pipelined junk", $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{{}}{Junk(30)}\r\n\r\n", true),
            10 => ("huge header", $"GET {path} HTTP/1.1\r\nHost: x\r\nX-Big: {new string('a', Random.Next(8000, 40000))}\r\nConnection: close\r\n\r\n", false),
            _ => ("garbage", Junk(Random.Next(1, 400)), true),
        };
        return new FuzzCase($"raw {name} {path}", Raw: Encoding.UTF8.GetBytes(raw), EndsInput: ends);
    }

    private FuzzCase AskStream() => Json(HttpMethod.Post, "/api/ask/stream", material.AskBody(Random), "ask/stream", problem: ServerSentEvents.Problem);

    private FuzzCase Json(HttpMethod method, string path, string seedBody, string name, string? authorization = null, Func<string, string?>? problem = null)
    {
        var body = Random.Next(5) == 0 ? Encoding.UTF8.GetBytes(seedBody) : mutator.Mutate(seedBody);
        var contentType = Random.Next(4) == 0 ? ContentTypes[Random.Next(ContentTypes.Length)] : "application/json";
        (string Name, string Value)? extra = Random.Next(6) == 0 ? Header() : null;
        var wrongMethod = Random.Next(25) == 0;
        return new FuzzCase($"{name} {Preview(path)} body={Preview(body)} auth={Preview(authorization)}", () =>
        {
            var request = new HttpRequestMessage(wrongMethod ? HttpMethod.Put : method, path) { Content = new ByteArrayContent(body) };
            if (contentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (extra is { } header) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            return request;
        }, BodyProblem: problem);
    }

    private FuzzCase Get(string path, string name, string? authorization = null, string? accept = null) =>
        new($"{name} {Preview(path)} auth={Preview(authorization)}", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            return request;
        });

    private FuzzCase Other()
    {
        string[] paths =
        [
            "/healthz", "/", "/index.html", "/app.js", "/lib/botframework-webchat/package.json", "/sources/", "/api", "/..%2f..%2fetc%2fpasswd",
            $"/v3/directline/conversations/{material.ConversationId}/stream?t={Uri.EscapeDataString(material.Token)}", $"/v3/directline/conversations/x/stream?t={Number()}",
            "/v3/directline/conversations/%ff/activities", "/api/messages", "/v3/directline/tokens/generate",
        ];
        var path = paths[Random.Next(paths.Length)];
        return Get(path, "other", Random.Next(2) == 0 ? Token() : null);
    }

    // The admin API: mostly with its key, adding (mutated) articles, reading and deleting ids.
    private FuzzCase Admin()
    {
        var key = Random.Next(5) switch
        {
            0 => null,
            1 => $"Bearer {Flip(material.AdminKey)}",
            _ => $"Bearer {material.AdminKey}",
        };
        return Random.Next(3) switch
        {
            0 => Json(HttpMethod.Post, "/api/articles", FuzzMaterial.ArticleBody(Random), "admin post", key),
            1 => Get($"/api/articles/{Id("2024-02-01-bridge-opens")}", "admin get", key),
            _ => new FuzzCase("admin delete", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{Id("no-such-article")}");
                if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", key);
                return request;
            }),
        };
    }

    // A real token, another conversation's, a page's start token, or a broken one.
    private string? Token() => Random.Next(10) switch
    {
        0 or 1 or 2 => $"Bearer {material.Token}",
        3 => $"Bearer {material.OtherToken}",
        4 => $"Bearer {material.StartToken}",
        5 => $"Bearer {Flip(material.Token)}",
        6 => "Bearer a.b.c",
        7 => null,
        8 => $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p"))}",
        _ => $"Bearer {material.Token[..Random.Next(material.Token.Length)]}",
    };

    private string Id(string real) => Random.Next(6) switch
    {
        0 or 1 or 2 => real,
        3 => Uri.EscapeDataString(Flip(real)),
        4 => Uri.EscapeDataString(new string('x', Random.Next(1, 3000))),
        _ => Uri.EscapeDataString(Preview(Encoding.UTF8.GetBytes(Random.Next(2) == 0 ? "msteams:a:1" : "\u0627\u0644 %00 ..")) ?? "x"),
    };

    private string Number() => Random.Next(8) switch
    {
        0 => string.Empty,
        1 => "-1",
        2 => "99999999999999999999",
        3 => int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => "abc",
        5 => "1e3",
        _ => Random.Next(0, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private string ChunkSize() => Random.Next(5) switch
    {
        0 => "ZZ",
        1 => "fffffffffffffffffffffff",
        2 => "-5",
        3 => "5;" + Junk(3),
        _ => " 2 ",
    };

    private string BadHeader() => Random.Next(5) switch
    {
        0 => "No colon here",
        1 => "Bad Name: x",
        2 => " folded: continuation",
        3 => "X-Ctl: a\u0001b",
        _ => ": empty name",
    };

    private string BadRequestLine(string path) => Random.Next(6) switch
    {
        0 => $"G\u0001T {path} HTTP/1.1",
        1 => $"GET {path} with spaces HTTP/1.1",
        2 => $"GET http://attacker.example{path} HTTP/1.1",
        3 => "GET * HTTP/1.1",
        4 => $"GET /{new string('a', Random.Next(9000, 20000))} HTTP/1.1",
        _ => $"GET {path}\u0000 HTTP/1.1",
    };

    private (string Name, string Value) Header() => Random.Next(4) switch
    {
        0 => ("X-Forwarded-Host", "attacker.example"),
        1 => ("Accept", "application/json"),
        2 => ("X-Long", new string('h', Random.Next(100, 6000))),
        _ => ("Expect", "100-continue"),
    };

    private string Junk(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)Random.Next(1, 128))]);

    private string Flip(string text)
    {
        if (text.Length == 0) return "x";
        var chars = text.ToCharArray();
        chars[Random.Next(chars.Length)] = (char)Random.Next('0', 'z');
        return new string(chars);
    }

    private static string? Preview(string? text) => text is null ? null : text.Length <= 100 ? text : text[..100] + "…";

    private static string? Preview(byte[] bytes) => Preview(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)));
}

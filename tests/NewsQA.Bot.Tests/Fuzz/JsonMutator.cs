using System.Text;
using System.Text.Json.Nodes;

namespace NewsQA.Bot.Tests.Fuzz;

/// <summary>
/// Turns a valid JSON body into a hostile one, from a seeded random source so that every run sends the same cases:
/// fields removed, values of the wrong type, nulls in lists, long, control or lone-surrogate text, deep nesting,
/// duplicated keys, and bytes that are not JSON at all.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private static readonly string[] Texts =
    [
        "", " ", "\u0000", "\ud800", "<at>NewsQA</at>", "show 1", "المصدر 1", "لخص المقال الثاني", "msteams:a:1", "directline:x",
        "http://169.254.169.254/", "../../etc/passwd", "%00", "\u202e", "{}", "null", "1e309", "-1", "NaN", "\r\n",
    ];

    public Random Random => random;

    /// <summary>A mutation of <paramref name="json"/>, as bytes (not always JSON).</summary>
    public byte[] Mutate(string json)
    {
        if (json.Length == 0) return Encoding.UTF8.GetBytes(AnyValue()?.ToJsonString() ?? "null");
        switch (random.Next(10))
        {
            case 0: return Truncate(Encoding.UTF8.GetBytes(json));
            case 1: return Splice(Encoding.UTF8.GetBytes(json));
            case 2: return Encoding.UTF8.GetBytes(DuplicateKey(json));
        }

        var node = JsonNode.Parse(json)!;
        for (var i = random.Next(1, 4); i > 0; i--) MutateSomewhere(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>A random JSON value of any type, sometimes nested past any sensible depth.</summary>
    public JsonNode? AnyValue(int depth = 0) => random.Next(depth > 3 ? 5 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(-3, 3) * (long)Math.Pow(10, random.Next(0, 19))),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => JsonValue.Create(Texts[random.Next(Texts.Length)]),
        4 => JsonValue.Create(new string((char)random.Next(32, 0x0700), random.Next(0, 3000))),
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => AnyValue(depth + 1))]),
        6 => new JsonObject { ["type"] = AnyValue(depth + 1), ["id"] = AnyValue(depth + 1), ["text"] = AnyValue(depth + 1) },
        7 => Nested(random.Next(20, 80)),
        _ => new JsonArray(null, JsonValue.Create("x")),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++) node = new JsonObject { ["a"] = node };
        return node;
    }

    private void MutateSomewhere(JsonNode node)
    {
        // Walk down a random path, then change what is there.
        var current = node;
        while (true)
        {
            var children = current switch
            {
                JsonObject o => o.Select(p => p.Key).ToList<object>(),
                JsonArray a => Enumerable.Range(0, a.Count).Cast<object>().ToList(),
                _ => [],
            };
            if (children.Count == 0 || random.Next(3) == 0) break;
            var pick = children[random.Next(children.Count)];
            var next = current is JsonObject obj ? obj[(string)pick] : current.AsArray()[(int)pick];
            if (next is null || next is JsonValue || random.Next(2) == 0)
            {
                Change(current, pick);
                return;
            }

            current = next;
        }

        if (current is JsonObject target) target[Texts[random.Next(Texts.Length)] + random.Next(5)] = AnyValue();
    }

    private void Change(JsonNode parent, object key)
    {
        if (parent is JsonObject o)
        {
            var name = (string)key;
            if (random.Next(4) == 0) o.Remove(name);
            else o[name] = AnyValue();
        }
        else if (parent is JsonArray a)
        {
            a[(int)key] = AnyValue();
        }
    }

    private byte[] Truncate(byte[] bytes) => bytes[..random.Next(0, bytes.Length)];

    private byte[] Splice(byte[] bytes)
    {
        var copy = bytes.ToArray();
        for (var i = random.Next(1, 6); i > 0 && copy.Length > 0; i--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private string DuplicateKey(string json) =>
        json.StartsWith('{') && json.Length > 2 ? "{\"type\":" + (random.Next(2) == 0 ? "5" : "\"invoke\"") + "," + json[1..] : json;
}

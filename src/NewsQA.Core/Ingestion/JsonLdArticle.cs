using System.Text.Json;
using AngleSharp.Dom;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// The schema.org article a page describes in JSON-LD (NewsArticle and the other Article types, found at the top, in
/// an array, in an @graph or as a mainEntity). Scripts that are not valid JSON are passed over.
/// </summary>
public sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Publisher, string? Url, string? Language)
{
    private const int MaxDepth = 6;

    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, 0) is { } article) return article;
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the page's other metadata still serves.
            }
        }

        return null;
    }

    private static JsonLdArticle? FindArticle(JsonElement element, int depth)
    {
        if (depth > MaxDepth) return null;
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Select(e => FindArticle(e, depth + 1)).FirstOrDefault(a => a is not null);
        }

        if (element.ValueKind != JsonValueKind.Object) return null;
        if (IsArticle(element))
        {
            return new JsonLdArticle(Text(element, "headline"), Text(element, "datePublished"), Name(element, "publisher"),
                Text(element, "url") ?? Id(element, "mainEntityOfPage"), Text(element, "inLanguage"));
        }

        foreach (var name in new[] { "@graph", "mainEntity" })
        {
            if (element.TryGetProperty(name, out var child) && FindArticle(child, depth + 1) is { } found) return found;
        }

        return null;
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type)) return false;
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null) : [type.ValueKind == JsonValueKind.String ? type.GetString() : null];
        return types.Any(t => t is not null && (t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "LiveBlogPosting"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Name(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array) value = value.EnumerateArray().FirstOrDefault();
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "name"),
            _ => null,
        };
    }

    private static string? Id(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Text(value, "@id"),
            _ => null,
        };
    }
}

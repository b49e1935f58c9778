using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// The YAML block between "---" lines at the top of a Markdown article (title, date, source, url, language), as
/// static-site generators write it. Reading never fails: a block that is not valid YAML is dropped from the text and
/// reported, and the article is read without it.
/// </summary>
public static class FrontMatter
{
    private const string Fence = "---";

    // A front matter block longer than this is not one (a document that happens to open with a rule).
    private const int MaxLines = 200;

    /// <summary>The front matter's scalar fields (keys lower case), the text after it, and a problem if it was unreadable.</summary>
    public static (IReadOnlyDictionary<string, string> Fields, string Body, string? Problem) Split(string text)
    {
        var empty = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith(Fence, StringComparison.Ordinal)) return (empty, text, null);
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r', ' ', '\t') != Fence) return (empty, text, null);
        var close = Array.FindIndex(lines, 1, Math.Min(lines.Length - 1, MaxLines), l => l.TrimEnd('\r', ' ', '\t') is Fence or "...");
        if (close < 0) return (empty, text, null);

        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) return (empty, body, null);
            if (stream.Documents[0].RootNode is not YamlMappingNode mapping) return (empty, body, "front matter is not a list of key: value lines");
            foreach (var (key, value) in mapping.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { Length: > 0 } scalar })
                {
                    empty[name.Trim()] = scalar.Trim();
                }
            }

            return (empty, body, null);
        }
        catch (YamlException e)
        {
            return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body,
                $"front matter is not valid YAML (line {e.Start.Line + 1}: {e.Message})");
        }
    }

    /// <summary>
    /// A front matter block for these fields (null values left out), every value double-quoted by the YAML serializer
    /// so that no title or source can end the block or add a field.
    /// </summary>
    public static string Write(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var yaml = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(yaml, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (var (key, value) in fields)
        {
            if (value is null) continue;
            emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            emitter.Emit(new Scalar(null, null, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return $"{Fence}\n{yaml.ToString().TrimEnd('\n')}\n{Fence}\n";
    }

    /// <summary>The article metadata the fields declare; a date that is not one is reported and left out.</summary>
    public static (ArticleMetadata Metadata, string? Problem) Metadata(IReadOnlyDictionary<string, string> fields)
    {
        string? Field(params string[] names) => names.Select(n => fields.TryGetValue(n, out var v) ? v : null).FirstOrDefault(v => v is not null);

        var dateText = Field("date", "published");
        var published = PublishedDate.Parse(dateText);
        var problem = dateText is not null && published is null ? $"front matter date '{dateText}' is not a date (ISO 8601 expected)" : null;
        var url = Field("url", "link");
        if (url is not null && !WebLink.IsHttp(url)) url = null;
        var metadata = new ArticleMetadata(Field("title"), published, Field("source", "outlet"), url, LanguageTag.Normalize(Field("language", "lang")));
        return (metadata, problem);
    }
}

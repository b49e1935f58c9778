using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// The YAML block between "---" lines at the top of a Markdown article (title, date, source, url, language), as
/// static-site generators write it. Reading never fails: a block that is not valid YAML, or is larger or deeper than a
/// front matter ever is, is dropped from the text and reported, and the article is read without it. The block is read
/// as a stream of YAML events, one at a time, and reading stops at the first sign of excess, so no block can exhaust
/// the stack or the processor (a block of 50,000 nested brackets overflowed YamlDotNet's tree builder).
/// </summary>
public static class FrontMatter
{
    private const string Fence = "---";

    // A front matter block longer than this is not one (a document that happens to open with a rule).
    private const int MaxLines = 200;

    // Real front matter is a few hundred bytes of flat key: value lines; a list of tags nests one level.
    private const int MaxChars = 64 * 1024;
    private const int MaxDepth = 8;

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
        if (yaml.Length > MaxChars) return (empty, body, $"front matter is longer than {MaxChars / 1024} KB");
        try
        {
            return (empty, body, ReadFields(new Parser(new StringReader(yaml)), empty));
        }
        catch (YamlException e)
        {
            return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), body,
                $"front matter is not valid YAML (line {e.Start.Line + 1}: {e.Message})");
        }
    }

    // The first document's top-level "key: scalar" pairs; nested values are passed over, and a value nested deeper than
    // MaxDepth ends the reading. Null when read, else the problem (the fields are then cleared).
    private static string? ReadFields(Parser parser, Dictionary<string, string> fields)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        if (!parser.TryConsume<MappingStart>(out _))
        {
            return parser.Accept<Scalar>(out var only) && only.Value.Length == 0 ? null : "front matter is not a list of key: value lines";
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.TryConsume<Scalar>(out var scalarKey) ? scalarKey.Value : null;
            if (key is null && !Skip(parser)) return Deep(fields);
            if (parser.TryConsume<Scalar>(out var value))
            {
                if (key is not null && value.Value.Length > 0) fields.TryAdd(key.Trim(), value.Value.Trim());
            }
            else if (!Skip(parser))
            {
                return Deep(fields);
            }
        }

        return null;
    }

    // Passes over one node (a scalar, an alias, or a whole sequence or mapping); false when it nests deeper than MaxDepth.
    private static bool Skip(Parser parser)
    {
        var depth = 0;
        do
        {
            var next = parser.Consume<ParsingEvent>();
            if (next is MappingStart or SequenceStart && ++depth > MaxDepth) return false;
            if (next is MappingEnd or SequenceEnd) depth--;
        }
        while (depth > 0);
        return true;
    }

    private static string Deep(Dictionary<string, string> fields)
    {
        fields.Clear();
        return $"front matter is nested deeper than {MaxDepth} levels";
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
        var metadata = new ArticleMetadata(MetadataLimits.Title(Field("title")), published, MetadataLimits.Source(Field("source", "outlet")), url,
            LanguageTag.Normalize(Field("language", "lang")));
        return (metadata, problem);
    }
}

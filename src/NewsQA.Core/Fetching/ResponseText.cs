using System.Text;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Fetching;

/// <summary>
/// Decodes a fetched page's bytes: the charset of its Content-Type, else its byte-order mark, else the charset its
/// first bytes declare in a meta tag, else UTF-8. Arabic sites still serve windows-1256, so the code pages are loaded.
/// </summary>
public static partial class ResponseText
{
    private const int MetaProbeBytes = 2048;

    static ResponseText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? charset)
    {
        var encoding = Lookup(charset) ?? FromByteOrderMark(bytes) ?? Lookup(DeclaredCharset(bytes)) ?? Encoding.UTF8;
        var text = encoding.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }

    /// <summary>Makes sure the code pages are registered (for XML readers that look encodings up themselves).</summary>
    public static void EnsureCodePages() => _ = Encoding.UTF8;

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null; // an unknown charset name: fall through to the next clue
        }
    }

    private static Encoding? FromByteOrderMark(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static string? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, MetaProbeBytes));
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}

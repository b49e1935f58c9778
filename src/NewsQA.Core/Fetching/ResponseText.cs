using System.Text;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Fetching;

/// <summary>
/// Decodes a fetched page's bytes: the charset of its Content-Type, else its byte-order mark, else the charset its
/// first bytes declare in a meta tag, else UTF-8. Arabic sites still serve windows-1256, so the code pages are loaded.
/// A charset that is unknown or that .NET refuses to decode (UTF-7) is passed over, and said so in the problems.
/// </summary>
public static partial class ResponseText
{
    private const int MetaProbeBytes = 2048;
    private const int MaxNameChars = 40;

    static ResponseText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The page's text; a declared charset that could not be used is reported in <paramref name="problems"/>.</summary>
    public static string Decode(byte[] bytes, string? charset, ICollection<string>? problems = null)
    {
        var encoding = Lookup(charset, problems) ?? FromByteOrderMark(bytes) ?? Lookup(DeclaredCharset(bytes), problems) ?? Encoding.UTF8;
        var text = encoding.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }

    /// <summary>Makes sure the code pages are registered (for XML readers that look encodings up themselves).</summary>
    public static void EnsureCodePages() => _ = Encoding.UTF8;

    private static Encoding? Lookup(string? name, ICollection<string>? problems)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var trimmed = name.Trim().Trim('"', '\'');
        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown ("x-bogus"), or known and refused (UTF-7 is disabled in .NET as unsafe): fall through to the next clue.
            problems?.Add($"charset \"{(trimmed.Length <= MaxNameChars ? trimmed : trimmed[..MaxNameChars] + "…")}\" is not supported; read as UTF-8 unless the page says otherwise");
            return null;
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

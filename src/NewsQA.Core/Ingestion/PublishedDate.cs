using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Reads the date formats news metadata uses: ISO 8601 / RFC 3339 (front matter, HTML meta, JSON-LD, Atom, time
/// elements) and RFC 822 / 1123 (RSS pubDate, HTTP), with the named zones RSS feeds still write. A value without an
/// offset is taken as UTC; a value that is not a date, or names an instant outside the calendar's range, is not one (no
/// guessing from free text, and nothing thrown).
/// </summary>
public static partial class PublishedDate
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] RfcFormats = ["d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yy HH:mm:ss", "d MMM yy HH:mm", "d MMM yyyy"];

    // RFC 822 section 5.1's zones, and the few others feeds are seen to write.
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7, ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["EET"] = 2,
        ["EEST"] = 3, ["AST"] = 3, ["MSK"] = 3,
    };

    /// <summary>A date as NewsQA writes it everywhere (files, JSON, citations): ISO 8601 to the second, with its offset.</summary>
    public static string Format(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The date and time <paramref name="value"/> states, or null.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64) return null;
        var text = value.Trim();
        // "+0300" is common in HTML metadata; .NET's K wants "+03:00".
        text = CompactOffsetPattern().Replace(text, "$1$2:$3");
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            return Plausible(iso);
        }

        return ParseRfc822(text);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var match = RfcPattern().Match(text);
        if (!match.Success) return null;
        if (!DateTime.TryParseExact(match.Groups["date"].Value, RfcFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return null;
        }

        var zone = match.Groups["zone"].Value;
        TimeSpan offset;
        if (zone.Length == 0) offset = TimeSpan.Zero;
        else if (zone[0] is '+' or '-') offset = new TimeSpan(int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture), 0) * (zone[0] == '-' ? -1 : 1);
        else if (ZoneHours.TryGetValue(zone, out var hours)) offset = TimeSpan.FromHours(hours);
        else return null;
        if (offset.Duration() > TimeSpan.FromHours(14)) return null;
        // "1 Jan 0001 00:00 +1400" is before DateTimeOffset's first instant in UTC, which its constructor throws on.
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return null;
        return Plausible(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset));
    }

    // Placeholder dates ("0001-01-01", "1970-01-01T00:00:00Z") say that the system had none.
    private static DateTimeOffset? Plausible(DateTimeOffset date) =>
        date.Year is >= 1900 and <= 2200 && date.ToUnixTimeSeconds() != 0 ? date : null;

    [GeneratedRegex(@"^(.*\d)([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffsetPattern();

    // [Day,] d Mon yyyy hh:mm[:ss] [zone]; the day name is optional and not checked (feeds get it wrong).
    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<date>\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,4})?$")]
    private static partial Regex RfcPattern();
}

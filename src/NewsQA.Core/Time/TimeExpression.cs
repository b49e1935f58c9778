using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Time;

/// <summary>
/// One date or period in a question (normalized, lower case): an ISO date, a day and month, a month with or without
/// its year ("يناير/كانون الثاني 2024"), a year ("عام 2021"), or a period relative to today ("last week",
/// "الشهر الماضي", "the past 3 days"). <see cref="Pattern"/> builds its regular expression under a group-name prefix, so
/// one regular expression can hold two ("between 2019 and 2021").
/// </summary>
internal sealed class TimeExpression(DateOnly today, TimeZoneInfo zone)
{
    /// <summary>A period: its first instant, the instant after its last, and whether it reads as a time without a preposition.</summary>
    public readonly record struct Period(DateTimeOffset Start, DateTimeOffset End, bool Standalone);

    private const string Year = @"(?:1[89]|20|21)\d{2}(?!\d)";

    private static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["few"] = 3, ["couple of"] = 2,
    };

    public static string Pattern(string p)
    {
        var m = MonthNames.Pattern;
        var alias = $@"(?:\s*[/(]\s*(?:{m})\s*\)?)?";
        var relative = $@"(?:last|past|this|previous)\s+(?<{p}ru>week|month|year)|yesterday"
            + $@"|(?:the\s+)?(?:past|last)\s+(?<{p}n>\d{{1,3}}|two|three|four|five|six|seven|eight|nine|ten|few|couple\s+of)\s+(?<{p}u>days|weeks|months|years)"
            + $@"|(?:ال)?(?<{p}ar>اسبوع|شهر|عام|سنه)\s+(?:ال)?(?:ماضي|ماضيه|منصرم|منصرمه|فائت|فائته)"
            + $@"|(?:هذا|هذه)\s+(?:ال)?(?<{p}at>عام|سنه|شهر|اسبوع)|(?:ال)?(?<{p}at>عام|سنه|شهر|اسبوع)\s+(?:ال)?(?:حالي|حاليه|جاري|جاريه)"
            + $@"|(?<{p}yd>امس|البارحه)";
        return $@"(?<{p}>(?<{p}iso>\d{{4}}-\d{{2}}-\d{{2}})"
            + $@"|(?<{p}d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<{p}m>{m}){alias}(?:\s*,?\s*(?<{p}y>{Year}))?"
            + $@"|(?<{p}m>{m}){alias}(?:\s+(?<{p}d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:\s*,?\s*(?<{p}y>{Year}))?"
            + $@"|(?:(?<{p}yw>[بل]?(?:ال)?(?:عام|سنه)|(?:the\s+)?year)\s+)?(?<{p}y>{Year})"
            + $@"|(?<{p}rel>{relative}))";
    }

    /// <summary>The period the expression under prefix <paramref name="p"/> names, or null when it names no real date.</summary>
    public Period? Read(Match match, string p)
    {
        var g = match.Groups;
        if (!g[p].Success) return null;
        if (g[p + "iso"].Success)
        {
            return DateOnly.TryParseExact(g[p + "iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? Days(date, 1, true) : null;
        }

        if (g[p + "rel"].Success) return Relative(g, p);
        int? year = g[p + "y"].Success ? int.Parse(g[p + "y"].Value, CultureInfo.InvariantCulture) : null;
        if (!g[p + "m"].Success) return year is { } y ? new Period(At(new DateOnly(y, 1, 1)), At(new DateOnly(y + 1, 1, 1)), g[p + "yw"].Success) : null;

        var month = MonthNames.Number(g[p + "m"].Value);
        int? day = g[p + "d"].Success ? int.Parse(g[p + "d"].Value, CultureInfo.InvariantCulture) : null;
        // Without a year, a month (and day) is its latest occurrence up to today: "in January" asked in March.
        var resolvedYear = year ?? (month < today.Month || (month == today.Month && (day ?? 1) <= today.Day) ? today.Year : today.Year - 1);
        if (day is { } d)
        {
            if (d < 1 || d > DateTime.DaysInMonth(resolvedYear, month)) return null;
            return Days(new DateOnly(resolvedYear, month, d), 1, year is not null);
        }

        var first = new DateOnly(resolvedYear, month, 1);
        return new Period(At(first), At(first.AddMonths(1)), year is not null);
    }

    /// <summary>"منذ أسبوع", "منذ 3 أشهر", "منذ عامين": from that long before today.</summary>
    public DateTimeOffset Ago(string unit, string count)
    {
        var n = count.Length > 0 ? int.Parse(count, CultureInfo.InvariantCulture) : unit switch
        {
            "يومين" or "اسبوعين" or "شهرين" or "عامين" or "سنتين" => 2,
            "ايام" or "اسابيع" or "اشهر" or "شهور" or "اعوام" or "سنوات" => 3, // "منذ أيام": a few days
            _ => 1,
        };
        return At(Back(unit, n));
    }

    private Period Relative(GroupCollection g, string p)
    {
        if (g[p + "yd"].Success || g[p + "rel"].Value == "yesterday") return Days(today.AddDays(-1), 1, true);
        if (g[p + "u"].Success)
        {
            var count = g[p + "n"].Value;
            var n = Counts.TryGetValue(Regex.Replace(count, @"\s+", " "), out var word) ? word : int.Parse(count, CultureInfo.InvariantCulture);
            return new Period(At(Back(g[p + "u"].Value, n)), At(today.AddDays(1)), true);
        }

        var text = g[p + "rel"].Value;
        var unit = g[p + "ru"].Success ? g[p + "ru"].Value : g[p + "ar"].Success ? g[p + "ar"].Value : g[p + "at"].Value;
        var current = g[p + "at"].Success || text.StartsWith("this", StringComparison.Ordinal);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)); // Monday
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);
        return (unit, current) switch
        {
            ("week" or "اسبوع", true) => new Period(At(weekStart), At(today.AddDays(1)), true),
            ("week" or "اسبوع", false) => new Period(At(weekStart.AddDays(-7)), At(weekStart), true),
            ("month" or "شهر", true) => new Period(At(monthStart), At(today.AddDays(1)), true),
            ("month" or "شهر", false) => new Period(At(monthStart.AddMonths(-1)), At(monthStart), true),
            (_, true) => new Period(At(yearStart), At(today.AddDays(1)), true),
            _ => new Period(At(yearStart.AddYears(-1)), At(yearStart), true),
        };
    }

    private DateOnly Back(string unit, int n) => unit switch
    {
        _ when unit.StartsWith("day", StringComparison.Ordinal) || unit is "يوم" or "يومين" or "ايام" => today.AddDays(-n),
        _ when unit.StartsWith("week", StringComparison.Ordinal) || unit is "اسبوع" or "اسبوعين" or "اسابيع" => today.AddDays(-7 * n),
        _ when unit.StartsWith("month", StringComparison.Ordinal) || unit is "شهر" or "شهرين" or "اشهر" or "شهور" => today.AddMonths(-n),
        _ => today.AddYears(-n),
    };

    private Period Days(DateOnly first, int days, bool standalone) => new(At(first), At(first.AddDays(days)), standalone);

    private DateTimeOffset At(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

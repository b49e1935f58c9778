using System.Globalization;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>
/// Publication dates as answers say them, in the question's language: "5 March 2024", "5 مارس 2024" (the month names
/// of Egyptian and Gulf usage, which most pan-Arab outlets print), on the calendar day of the article's own offset.
/// </summary>
public static class AnswerDates
{
    private static readonly string[] ArabicMonths =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    public static string Format(DateTimeOffset date, TextLanguage language) => language == TextLanguage.Arabic
        ? $"{date.Day.ToString(CultureInfo.InvariantCulture)} {ArabicMonths[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}"
        : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The month and year alone: "March 2024", "مارس 2024".</summary>
    public static string MonthYear(DateTimeOffset date, TextLanguage language) => language == TextLanguage.Arabic
        ? $"{ArabicMonths[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}"
        : date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What goes before a quoted sentence to date it: "5 March 2024: ".</summary>
    public static string Prefix(DateTimeOffset date, TextLanguage language) => $"{Format(date, language)}: ";
}

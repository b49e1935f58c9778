namespace NewsQA.Core.Time;

/// <summary>
/// Month names as questions write them: English (full and abbreviated) and Arabic in both calendars' names, the
/// Egyptian/Gulf transliterations (يناير) and the Levantine/Iraqi ones (كانون الثاني), spelled after Arabic normalization
/// (أ إ آ → ا, ة → ه, ى → ي).
/// </summary>
public static class MonthNames
{
    private static readonly string[][] Names =
    [
        ["january", "jan", "يناير", "كانون الثاني"],
        ["february", "feb", "فبراير", "شباط"],
        ["march", "mar", "مارس", "اذار"],
        ["april", "apr", "ابريل", "نيسان"],
        ["may", "مايو", "ايار"],
        ["june", "jun", "يونيو", "يونيه", "حزيران"],
        ["july", "jul", "يوليو", "يوليه", "تموز"],
        ["august", "aug", "اغسطس", "اب"],
        ["september", "sept", "sep", "سبتمبر", "ايلول"],
        ["october", "oct", "اكتوبر", "تشرين الاول"],
        ["november", "nov", "نوفمبر", "تشرين الثاني"],
        ["december", "dec", "ديسمبر", "كانون الاول"],
    ];

    private static readonly Dictionary<string, int> Numbers = Names
        .SelectMany((names, i) => names.Select(n => (Name: n, Month: i + 1)))
        .ToDictionary(x => x.Name, x => x.Month, StringComparer.Ordinal);

    /// <summary>A regular-expression alternation of every name, longest first (so "كانون الثاني" wins over a shorter match).</summary>
    public static string Pattern { get; } = string.Join('|', Numbers.Keys.OrderByDescending(n => n.Length).Select(n => n.Replace(" ", @"\s+", StringComparison.Ordinal)));

    /// <summary>The month number of a normalized, lower-case name (inner white space folded to one space).</summary>
    public static int Number(string name) => Numbers[string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
}

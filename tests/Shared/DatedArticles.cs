namespace NewsQA.Testing;

/// <summary>
/// A small dated corpus written for the time-aware tests: an older and a newer article on the same figure (the advisers
/// of NATO's mission in Iraq), in English and in Arabic, each with its outlet, date and link, and one undated article
/// on something else.
/// </summary>
public static class DatedArticles
{
    public const string EnglishOlderId = "2021-06-10-nato-mission-keeps-its-advisers";
    public const string EnglishNewerId = "2023-02-14-nato-mission-grows";
    public const string ArabicOlderId = "2021-03-01-rafidain-nato";
    public const string ArabicNewerId = "2023-09-20-rafidain-nato";
    public const string UndatedId = "dam-repairs";

    public const string EnglishOlderFact = "The NATO mission in Iraq has 500 military advisers training Iraqi forces, the alliance's spokesman said on Thursday.";
    public const string EnglishNewerFact = "The NATO mission in Iraq now has 4,000 military advisers training Iraqi forces, the alliance's spokesman said on Tuesday.";

    public static readonly DateTimeOffset EnglishNewerDate = new(2023, 2, 14, 10, 30, 0, TimeSpan.FromHours(3));

    public const string EnglishNewerUrl = "https://tigris.example/2023/nato-mission-grows";

    /// <summary>The articles as file name → text.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        [EnglishOlderId + ".md"] = Article("NATO mission in Iraq keeps its advisers", "2021-06-10T09:00:00+03:00", "Tigris Daily", "https://tigris.example/2021/nato-mission", "en",
            EnglishOlderFact, "The advisers work at the defence ministry and at the military schools in Baghdad."),
        [EnglishNewerId + ".md"] = Article("NATO mission in Iraq grows", "2023-02-14T10:30:00+03:00", "Tigris Daily", EnglishNewerUrl, "en",
            EnglishNewerFact, "The expansion was agreed by the alliance's defence ministers in Brussels."),
        [ArabicOlderId + ".md"] = Article("بعثة حلف شمال الأطلسي في العراق", "2021-03-01T08:00:00+03:00", "صحيفة الرافدين", "https://rafidain.example/2021/nato", "ar",
            "قال المتحدث باسم حلف شمال الأطلسي إن بعثة الحلف في العراق تضم 500 مستشار عسكري لتدريب القوات العراقية.",
            "ويعمل المستشارون في وزارة الدفاع وفي المدارس العسكرية في بغداد."),
        [ArabicNewerId + ".md"] = Article("توسيع بعثة حلف شمال الأطلسي في العراق", "2023-09-20T12:00:00+03:00", "صحيفة الرافدين", "https://rafidain.example/2023/nato", "ar",
            "قال المتحدث باسم حلف شمال الأطلسي إن بعثة الحلف في العراق باتت تضم 4000 مستشار عسكري لتدريب القوات العراقية.",
            "وجاء توسيع البعثة بقرار من وزراء دفاع الحلف في بروكسل."),
        [UndatedId + ".txt"] = "Dam repairs finished\n\nEngineers finished the repairs to the spillway of the Haditha dam after three months of work.\n",
    };

    /// <summary>Writes the corpus into <paramref name="folder"/> (created when missing) and returns it.</summary>
    public static string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Files) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    public static string Article(string title, string date, string source, string url, string language, params string[] paragraphs) =>
        $"---\ntitle: \"{title}\"\ndate: \"{date}\"\nsource: \"{source}\"\nurl: \"{url}\"\nlanguage: \"{language}\"\n---\n\n# {title}\n\n{string.Join("\n\n", paragraphs)}\n";
}

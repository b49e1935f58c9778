using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Questions;

/// <summary>
/// Reads the expected answer type off a question's interrogative (who → person, how many → number, when → time,
/// where → place, why → reason) and tells whether a sentence holds something of that type. Cue words are the grammar of
/// each language (question words, month and weekday names, causal connectives), not anything from a data set.
/// </summary>
public static partial class AnswerTypeDetector
{
    // After "which"/"أي" (or "ما"/"what" with a noun), the noun names the type asked for, as in TREC's question classes
    // (Li and Roth 2002): "في أي مدينة" asks for a place, "what year" for a time.
    private static readonly HashSet<string> TimeNouns = new(["عام", "العام", "سنه", "السنه", "يوم", "اليوم", "شهر", "الشهر", "قرن", "القرن", "تاريخ", "year", "century", "date", "day", "month", "decade"], StringComparer.Ordinal);

    private static readonly HashSet<string> PlaceNouns = new(
        ["مدينه", "المدينه", "بلد", "البلد", "دوله", "الدوله", "منطقه", "المنطقه", "مكان", "المكان", "قاره", "القاره", "محافظه", "المحافظه", "ولايه", "الولايه", "قاعده", "القاعده",
         "city", "country", "state", "region", "place", "continent", "province", "town", "base"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> NumberNouns = new(["عدد", "نسبه", "كميه", "مقدار", "مساحه", "طول", "عمر", "percentage", "percent", "number", "amount", "proportion"], StringComparer.Ordinal);

    // "أي قائد", "which commander": the noun names a person; "أي حركة", "which group": an organization.
    private static readonly HashSet<string> PersonNouns = new(
        ["قائد", "القائد", "قيادي", "القيادي", "وزير", "الوزير", "مسؤول", "المسؤول", "عضو", "العضو", "جنرال", "الجنرال", "رئيس", "الرئيس", "متحدث", "المتحدث", "شخص", "الشخص",
         "شخصيه", "الشخصيه", "مستشار", "المستشار", "سفير", "السفير", "مدير", "المدير", "محافظ", "المحافظ", "ضابط", "الضابط", "سياسي", "السياسي", "اعلامي", "الاعلامي",
         "commander", "minister", "official", "member", "general", "president", "spokesman", "person", "leader", "officer", "director", "governor", "ambassador", "politician", "journalist", "analyst", "colonel"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> OrganizationNouns = new(
        ["حركه", "جماعه", "تنظيم", "منظمه", "فصيل", "حزب", "تحالف", "ميليشيا", "مليشيا", "وزاره", "جهاز", "قوات", "هيئه", "وكاله", "موقع", "صحيفه", "برنامج", "مؤسسه", "شركه",
         "جهه", "وسيله", "قناه", "كتائب", "organization", "organisation", "group", "movement", "militia", "party", "alliance", "ministry", "agency", "forces", "outlet", "site",
         "newspaper", "programme", "program", "company", "faction", "network", "channel", "body", "institution"],
        StringComparer.Ordinal);

    // Words that may stand between "which"/"أي" and its noun ("which news site", "أي وسيلة إعلام").
    private static readonly HashSet<string> NounModifiers = new(["news", "american", "iraqi", "armed", "international", "media", "military", "political", "government"], StringComparer.Ordinal);

    // "من" opens a who-question unless "where"/"which"/"what" follows it ("من أين": from where).
    private static readonly HashSet<string> FromWords = new(["اين", "اي", "ايه", "ماذا", "متي", "خلال", "بين", "اجل"], StringComparer.Ordinal);

    /// <summary>The answer type a question asks for.</summary>
    public static AnswerType Detect(string question)
    {
        var words = Tokenizer.Tokenize(question).Select(t => t.Normalized).ToList();
        var first = string.Join(' ', words.Take(3));
        if (words.Contains("كم") || first.StartsWith("how many", StringComparison.Ordinal) || first.StartsWith("how much", StringComparison.Ordinal)
            || first.StartsWith("how long", StringComparison.Ordinal)) return AnswerType.Number;
        if (words.Contains("متي") || words.Contains("when") || first.StartsWith("في اي عام", StringComparison.Ordinal) || first.StartsWith("what year", StringComparison.Ordinal)) return AnswerType.Time;
        if (words.Contains("اين") || words.Contains("where")) return AnswerType.Place;
        if (words.Contains("لماذا") || words.Contains("why") || first.StartsWith("ما سبب", StringComparison.Ordinal)) return AnswerType.Reason;
        if ((words.Count > 1 && words[0] is "من" or "لمن" or "ممن" && !FromWords.Contains(words[1])) || words.Contains("who") || words.Contains("whom") || words.Contains("whose")) return AnswerType.Person;
        return NounType(words);
    }

    // "ما عدد", "في أي مدينة", "مع أي موقع", "what percentage", "which country", "which news site": the noun after the
    // question word, which may follow a preposition ("إلى أي حركة", "على أطراف أي مدينة").
    private static AnswerType NounType(List<string> words)
    {
        var at = words.FindIndex(w => w is "ما" or "ماذا" or "اي" or "ايه" or "باي" or "لاي" or "what" or "which");
        if (at < 0 || at > 3 || (at > 1 && words[at] is "ما" or "ماذا" or "what")) return AnswerType.Unknown;
        var nouns = words.Skip(at + 1).Where(w => w is not ("هو" or "هي" or "the" or "is" or "was" or "are" or "were") && !NounModifiers.Contains(w)).Take(1);
        foreach (var word in nouns)
        {
            var bare = word.Length >= 4 && word[0] is 'و' or 'ب' or 'ل' or 'ف' ? word[1..] : word;
            bool Is(HashSet<string> set) => set.Contains(word) || set.Contains(bare) || (word.EndsWith('s') && set.Contains(word[..^1]));
            if (Is(NumberNouns)) return AnswerType.Number;
            if (Is(TimeNouns)) return AnswerType.Time;
            if (Is(PlaceNouns)) return AnswerType.Place;
            if (Is(PersonNouns)) return AnswerType.Person;
            if (Is(OrganizationNouns)) return AnswerType.Organization;
        }

        return AnswerType.Unknown;
    }

    /// <summary>Whether a sentence contains something of the type (beyond what the question itself says).</summary>
    public static bool Holds(AnswerType type, string sentence, string question) => type switch
    {
        AnswerType.Number => NumberPattern().Matches(sentence).Any(m => !question.Contains(m.Value, StringComparison.Ordinal)) || NumberWordPattern().IsMatch(sentence),
        AnswerType.Time => YearPattern().IsMatch(sentence) || TimeWordPattern().IsMatch(sentence),
        AnswerType.Reason => ReasonPattern().IsMatch(sentence),
        AnswerType.Person => PersonPattern().IsMatch(sentence),
        AnswerType.Place => PlacePattern().IsMatch(sentence),
        _ => false,
    };

    [GeneratedRegex(@"[0-9٠-٩]+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|dozens?)\b|(?:^|\s)(?:واحد|اثنان|اثنين|ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع|عشر|مئة|مائة|ألف|الف|آلاف|مليون)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWordPattern();

    [GeneratedRegex(@"\b(?:1[5-9]|20)\d{2}\b|[١٢][٠-٩]{3}")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|century)|(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد|أمس|امس|اليوم|القرن|العام|عام)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWordPattern();

    [GeneratedRegex(@"\b(?:because|due to|as a result|owing to|since|in order to)\b|(?:بسبب|لأن|لان|نظرا|نظراً|بفعل|نتيجة|من أجل|من اجل|لكي|كي)", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();

    // Arabic has no capitals; titles and speech verbs introduce people in news prose.
    [GeneratedRegex(@"\b[A-Z][a-z]+ [A-Z][a-z]+|(?:الرئيس|رئيس|الوزير|وزير|الجنرال|اللواء|العقيد|الكولونيل|العميد|الدكتور|السفير|المتحدث|القائد|قائد|الأمين|الامين|مستشار|المحلل|النائب|السيد|الشيخ|قال|أكد|اكد|أعلن|اعلن)\s", RegexOptions.None)]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:in|at|near|from) [A-Z]|(?:في|قرب|شمال|جنوب|شرق|غرب|محافظة|مدينة|قاعدة|إقليم|اقليم|منطقة)\s", RegexOptions.None)]
    private static partial Regex PlacePattern();
}

using System.Text.RegularExpressions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Reads the expected answer type off a question's interrogative (who → person, how many → number, when → time,
/// where → place, why → reason) and tells whether a sentence holds something of that type. Cue words are the grammar of
/// each language (question words, month and weekday names, causal connectives), not anything from a data set.
/// </summary>
public static partial class AnswerTypeDetector
{
    /// <summary>The answer type a question asks for.</summary>
    public static AnswerType Detect(string question)
    {
        var words = Tokenizer.Tokenize(question).Select(t => t.Normalized).ToList();
        var first = string.Join(' ', words.Take(3));
        if (words.Contains("كم") || first.StartsWith("how many", StringComparison.Ordinal) || first.StartsWith("how much", StringComparison.Ordinal)) return AnswerType.Number;
        if (words.Contains("متي") || words.Contains("when") || first.StartsWith("في اي عام", StringComparison.Ordinal) || first.StartsWith("what year", StringComparison.Ordinal)) return AnswerType.Time;
        if (words.Contains("اين") || words.Contains("where")) return AnswerType.Place;
        if (words.Contains("لماذا") || words.Contains("why") || first.StartsWith("ما سبب", StringComparison.Ordinal)) return AnswerType.Reason;
        if ((words.Count > 0 && words[0] == "من" && words.Count > 1 && words[1] is "هو" or "هي" or "هم" or "الذي" or "التي") || words.Contains("who") || words.Contains("whom")) return AnswerType.Person;
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

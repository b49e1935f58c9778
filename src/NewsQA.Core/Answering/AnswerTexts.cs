using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>The fixed sentences the bot says, in each language.</summary>
public static class AnswerTexts
{
    public static string Refusal(TextLanguage language) => language == TextLanguage.Arabic
        ? "لم أجد إجابة لهذا السؤال في المقالات."
        : "I couldn't find this in the articles.";

    public static string EmptyQuestion(TextLanguage language) => language == TextLanguage.Arabic
        ? "اكتب سؤالا عن المقالات، مثلا: من هو المتحدث باسم الحشد الشعبي؟"
        : "Please type a question about the articles, for example: Who is the spokesman of the Popular Mobilization Forces?";

    public static string TooLong(TextLanguage language, int length, int limit) => language == TextLanguage.Arabic
        ? $"السؤال طويل جدا ({length:N0} حرفا)؛ الحد الأقصى {limit:N0} حرف. اختصره من فضلك."
        : $"That question is too long ({length:N0} characters; the limit is {limit:N0}). Please shorten it.";

    public static string UnknownSource(TextLanguage language, int marker) => language == TextLanguage.Arabic
        ? $"لا يوجد مصدر برقم {marker} في الإجابة السابقة."
        : $"There is no source [{marker}] in the previous answer.";

    /// <summary>Leads a <see cref="AnswerConfidence.Closest"/> answer: the articles may not answer exactly; the closest passage follows.</summary>
    public static string Closest(TextLanguage language) => language == TextLanguage.Arabic
        ? "قد لا تجيب المقالات عن هذا السؤال بالضبط؛ أقرب ما ورد فيها:"
        : "The articles may not answer this exactly; the closest they come is:";

    /// <summary>Leads the answers of sources that differ, newest first.</summary>
    public static string SourcesDiffer(TextLanguage language) => language == TextLanguage.Arabic
        ? "تختلف المصادر، من الأحدث:"
        : "The sources differ, newest first:";

    /// <summary>
    /// The one line that tells a reader who watched an answer being written that the final one differs from it: replaced
    /// by the offline answer (the model's failed, or did not hold up against the articles), or changed by the check of
    /// its claims against them (a sentence dropped, a second attempt kept); null when what was shown is what holds.
    /// </summary>
    public static string? FinalChange(string shown, Answer final) => (shown.Length > 0 && shown != final.Text, final.Mode, final.Language) switch
    {
        (false, _, _) => null,
        (true, AnswerMode.Local, TextLanguage.Arabic) => "استُبدلت إجابة النموذج بإجابة مأخوذة من المقالات مباشرة.",
        (true, AnswerMode.Local, _) => "The model's answer was replaced by one taken from the articles directly.",
        (true, _, TextLanguage.Arabic) => "عُدّلت هذه الإجابة بعد مطابقتها مع المقالات.",
        (true, _, _) => "This answer was changed after checking it against the articles.",
    };

    /// <summary>Introduces quoted sentences that are in another language than the question.</summary>
    public static string CrossLingualLead(TextLanguage question, TextLanguage passages) => (question, passages) switch
    {
        (TextLanguage.English, TextLanguage.Arabic) => "The articles (in Arabic) say:",
        (TextLanguage.Arabic, TextLanguage.English) => "تقول المقالات (بالإنجليزية):",
        _ => string.Empty,
    };

    /// <summary>Introduces a timeline of dated points, oldest first.</summary>
    public static string TimelineLead(TextLanguage language) => language == TextLanguage.Arabic
        ? "ما جاء في المقالات بحسب تاريخ نشرها، من الأقدم إلى الأحدث:"
        : "What the articles say, by date of publication, oldest first:";

    public static string SummaryLead(TextLanguage language, string? title) => (language, title) switch
    {
        (TextLanguage.Arabic, null) => "أبرز ما جاء في المقالات:",
        (TextLanguage.Arabic, _) => $"أبرز ما جاء في مقال «{title}»:",
        (_, null) => "Key points from the articles:",
        (_, _) => $"Key points of the article “{title}”:",
    };
}

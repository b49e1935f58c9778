using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// The short answer that leads an offline factoid answer, and its lead line: the span of the cited sentence
/// (<see cref="ShortAnswerExtractor"/>), written for the reader (<see cref="ShortAnswerRenderer"/> for an English reader
/// of Arabic), and kept only when the claim check finds it in the cited sentence (<see cref="ClaimVerifier"/>), as
/// every claim of a model's answer must be.
/// </summary>
public sealed class ShortAnswerWriter(ShortAnswerExtractor extractor, ClaimVerifier claims, QueryTranslator translator)
{
    /// <summary>The short answer from the sentence cited as [<paramref name="marker"/>], or null.</summary>
    public ShortAnswer? Write(ReadQuestion question, SentenceEvidence cited, TextLanguage language, int marker = 1)
    {
        if (extractor.Extract(question, cited) is not { } span) return null;
        var original = span.Text;
        var crossLingual = language == TextLanguage.English && original.Any(ArabicNormalizer.IsArabicLetter);
        var (text, transliterated) = crossLingual
            ? ShortAnswerRenderer.ForEnglishReader(original, span.Kind, translator.Lexicon)
            : (original, false);
        // A phrase of no kind stays Arabic for an English reader: not written for them, so it does not lead.
        if (text.Length == 0 || (crossLingual && span.Kind is null && text == original)) return null;
        var claim = text == original ? text : $"{text} {original}";
        return claims.Supports(claim, [cited.Text]) ? new ShortAnswer(text, original, marker, span.Kind, transliterated) : null;
    }

    /// <summary>The line that leads the answer: the short answer in bold, the Arabic beside a rendering of it, its marker.</summary>
    public static string Lead(ShortAnswer answer) => answer.Text == answer.Original
        ? $"**{answer.Text}** [{answer.Citation}]"
        : answer.Transliterated
            ? $"**{answer.Text}** (transliterated from the Arabic «{answer.Original}») [{answer.Citation}]"
            : $"**{answer.Text}** (in Arabic: «{answer.Original}») [{answer.Citation}]";
}

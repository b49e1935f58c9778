using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// The short answer that leads an offline factoid answer, and its lead line: the span of the asked kind in the cited
/// sentence, when the gate judges it likely right (<see cref="ShortAnswerGate"/>), written for the reader
/// (<see cref="ShortAnswerRenderer"/> for an English reader of Arabic: names romanized with the Arabic beside, numbers
/// with what they count), and kept only when the claim check finds it in the cited sentence (<see cref="ClaimVerifier"/>),
/// as every claim of a model's answer must be.
/// </summary>
public sealed class ShortAnswerWriter(ClaimVerifier claims, QueryTranslator translator)
{
    /// <summary>A span written for the reader, or null when it cannot be (or its claim is not in the cited sentence).</summary>
    public ShortAnswer? Render(ExtractedSpan span, double confidence, SentenceEvidence cited, TextLanguage language, int marker)
    {
        var original = span.Text;
        var crossLingual = language == TextLanguage.English && original.Any(ArabicNormalizer.IsArabicLetter);
        var (text, transliterated) = crossLingual
            ? ShortAnswerRenderer.ForEnglishReader(original, span.Kind, translator.Lexicon)
            : (original, false);
        // A phrase of no kind stays Arabic for an English reader: not written for them, so it does not lead.
        if (text.Length == 0 || (crossLingual && span.Kind is null && text == original)) return null;
        var claim = text == original ? text : $"{text} {original}";
        return claims.Supports(claim, [cited.Text]) ? new ShortAnswer(text, original, marker, span.Kind, transliterated, confidence) : null;
    }

    /// <summary>The line that leads the answer: the short answer in bold, the Arabic beside a rendering of it, its marker.</summary>
    public static string Lead(ShortAnswer answer) => answer.Text == answer.Original
        ? $"**{answer.Text}** [{answer.Citation}]"
        : answer.Transliterated
            ? $"**{answer.Text}** (transliterated from the Arabic «{answer.Original}») [{answer.Citation}]"
            : $"**{answer.Text}** (in Arabic: «{answer.Original}») [{answer.Citation}]";
}

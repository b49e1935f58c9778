using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Conversations;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>Answers "show 2" / "المصدر 2": the previous answer's cited paragraph in full, the cited sentence marked.</summary>
public static class SourceViewer
{
    /// <summary>A view of any passage, for hosts that link citations to a page.</summary>
    public static SourceView? View(PassageIndex index, string passageId, SentenceSpan? highlight)
    {
        var passage = index.FindPassage(passageId);
        if (passage is null) return null;
        // Offsets come from links anyone can edit: checked in long arithmetic, so no start + length can overflow past the check.
        var valid = highlight is { } h && h.Start >= 0 && h.Length >= 0 && (long)h.Start + h.Length <= passage.Text.Length ? highlight : null;
        return new SourceView(passage, index.FindArticle(passage.DocumentId), valid);
    }

    /// <summary>The answer to a source command.</summary>
    public static Answer Show(PassageIndex index, string message, TextLanguage language, int marker, Conversation? conversation)
    {
        var citation = conversation?.Turns.LastOrDefault(t => t.Answer.Citations.Count > 0)?.Answer.Citations.FirstOrDefault(c => c.Marker == marker);
        var view = citation is null ? null : View(index, citation.Passage.Id, citation.Sentence);
        if (citation is null || view is null)
        {
            return new Answer(message, message, language, AnswerTexts.UnknownSource(language, marker), false, AnswerMode.Local, AnswerKind.Source, [], 0);
        }

        var credit = view.Source is null ? string.Empty : language == TextLanguage.Arabic ? $" — المصدر: {view.Source}" : $" — source: {view.Source}";
        var date = view.Article?.Published is { } published ? $" — {AnswerDates.Format(published, language)}" : string.Empty;
        var paragraphLabel = language == TextLanguage.Arabic ? "الفقرة" : "paragraph";
        var link = view.Article?.Url is { } url ? $"\n{url}" : string.Empty;
        var quoted = CitationLookalikes.Neutralize($"{view.Passage.Title}{credit}{date} ({paragraphLabel} {view.Passage.Paragraph})\n\n{view.MarkedText}");
        var text = $"{quoted} [1]{link}";
        return new Answer(message, message, language, text, true, AnswerMode.Local, AnswerKind.Source,
            [new Citation(1, view.Passage, citation.Sentence)], 1);
    }
}

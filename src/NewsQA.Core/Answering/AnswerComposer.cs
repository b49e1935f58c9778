using System.Text;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Writes chosen sentences into answer text with a marker after each, and the matching citations. Sentences in the
/// question's language are written as prose; sentences in another language are quoted under a one-line lead-in in the
/// question's language, so the answer never claims more than the cited sentence says.
/// </summary>
public static class AnswerComposer
{
    /// <summary>
    /// Prose or quotes, one marker per paragraph (sentences of the same passage share it, and its citation spans them
    /// all), in the order given; with <paramref name="dateOf"/>, each sentence whose article has a date is preceded by
    /// it ("5 March 2024: …").
    /// </summary>
    public static (string Text, List<Citation> Citations) Compose(
        TextLanguage language, IReadOnlyList<SentenceEvidence> sentences, string? lead = null, bool bullets = false, Func<Ingestion.Passage, DateTimeOffset?>? dateOf = null)
    {
        var citations = new List<Citation>();
        var markers = new int[sentences.Count];
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            var same = citations.FindIndex(c => c.Passage.Id == s.Passage.Id);
            if (same < 0)
            {
                citations.Add(new Citation(citations.Count + 1, s.Passage, s.Sentence));
                markers[i] = citations.Count;
                continue;
            }

            var cited = citations[same].Sentence;
            var start = Math.Min(cited.Start, s.Sentence.Start);
            citations[same] = citations[same] with { Sentence = new Ingestion.SentenceSpan(start, Math.Max(cited.End, s.Sentence.End) - start) };
            markers[i] = same + 1;
        }

        var sourceLanguage = LanguageDetector.DetectAnswerLanguage(string.Concat(sentences.Select(s => s.Text)));
        var crossLingual = sourceLanguage != language;
        var builder = new StringBuilder();
        var crossLead = crossLingual ? AnswerTexts.CrossLingualLead(language, sourceLanguage) : string.Empty;
        if (!string.IsNullOrEmpty(lead)) builder.Append(lead).Append('\n');
        if (crossLead.Length > 0) builder.Append(crossLead).Append('\n');

        for (var i = 0; i < sentences.Count; i++)
        {
            // An article's own "[3]" is quoted as "(3)": in an answer, only NewsQA's markers are bracketed numbers.
            var sentence = CitationLookalikes.Neutralize(sentences[i].Text);
            var date = dateOf?.Invoke(sentences[i].Passage) is { } d ? AnswerDates.Prefix(d, language) : string.Empty;
            var quoted = date + (crossLingual ? $"«{sentence}»" : sentence);
            if (bullets) builder.Append("- ").Append(quoted).Append($" [{markers[i]}]").Append('\n');
            else if (crossLingual) builder.Append("> ").Append(quoted).Append($" [{markers[i]}]").Append('\n');
            else builder.Append(i > 0 ? " " : string.Empty).Append(quoted).Append($" [{markers[i]}]");
        }

        return (builder.ToString().TrimEnd(), citations);
    }
}

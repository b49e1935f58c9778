using System.Text;
using NewsQA.Core.Answering;
using NewsQA.Core.Ingestion;

namespace NewsQA.Cli.Output;

/// <summary>An answer as the terminal shows it: the text, then each citation with its article's outlet, date and link (those it has) and its cited sentence.</summary>
public static class AnswerText
{
    public static string Describe(Answer answer) => answer.Text + "\n" + Citations(answer);

    /// <summary>The citation lines alone, for an answer whose text is already on screen (streamed).</summary>
    public static string Citations(Answer answer)
    {
        var builder = new StringBuilder();
        foreach (var citation in answer.Citations)
        {
            var sentence = citation.Passage.Text.Substring(citation.Sentence.Start, citation.Sentence.Length);
            if (sentence.Length > 200) sentence = sentence[..200] + "…";
            var article = citation.Article;
            string?[] known = [article?.Source, article?.Published is { } date ? PublishedDate.Format(date) : null, article?.Url];
            var about = known.Any(k => k is not null) ? $" ({string.Join(", ", known.OfType<string>())})" : string.Empty;
            builder.Append($"  [{citation.Marker}] {citation.Passage.Title}, ¶{citation.Passage.Paragraph}{about}: {sentence}\n");
        }

        return builder.ToString();
    }
}

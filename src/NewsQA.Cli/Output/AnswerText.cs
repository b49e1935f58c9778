using System.Text;
using NewsQA.Core.Answering;

namespace NewsQA.Cli.Output;

/// <summary>An answer as the terminal shows it: the text, then each citation with its cited sentence.</summary>
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
            builder.Append($"  [{citation.Marker}] {citation.Passage.Title}, ¶{citation.Passage.Paragraph}: {sentence}\n");
        }

        return builder.ToString();
    }
}

using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// What becomes of a model's reply that reached AI:MaxAnswerChars: it is read no further, cut after its last whole
/// sentence (the sentence the cap fell in is unfinished), or after its last whole word when even the first sentence
/// is longer than the cap; it is then checked claim by claim like any reply, and the answer says it was cut.
/// </summary>
public static class ModelReplyCap
{
    /// <summary>The reply up to its last whole sentence, or its last whole word.</summary>
    public static string Cut(string reply)
    {
        var sentences = SentenceSplitter.Split(reply);
        if (sentences.Count >= 2) return reply[..sentences[^2].End];
        var space = reply.AsSpan().TrimEnd().LastIndexOfAny(' ', '\n', '\t');
        return space > 0 ? reply[..space].TrimEnd() : reply;
    }

    /// <summary>The line that ends a cut answer, in its language.</summary>
    public static string Note(TextLanguage language) => language == TextLanguage.Arabic
        ? "(اختُصرت الإجابة: كتب النموذج أكثر مما يُعرض.)"
        : "(The answer was shortened: the model wrote more than is shown.)";
}

using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// The typed spans of a passage's sentence: those its article's indexing recognized (<see cref="Passage.Entities"/>),
/// mapped onto the sentence's tokens and completed with the names the whole corpus knows; recognized afresh for a passage
/// that carries none.
/// </summary>
public static class SentenceSpans
{
    /// <summary>The spans of <paramref name="sentence"/> (whose text is <paramref name="text"/> and tokens <paramref name="tokens"/>) in <paramref name="passage"/>.</summary>
    public static List<TypedSpan> Of(Passage passage, SentenceSpan sentence, string text, IReadOnlyList<Token> tokens, EntityLexicon lexicon)
    {
        if (passage.Entities is not { } entities) return TypedSpanFinder.Find(text, tokens, lexicon);
        var stored = new List<TypedSpan>();
        foreach (var entity in entities)
        {
            if (entity.End <= sentence.Start || entity.Start >= sentence.End) continue;
            var start = -1;
            var end = -1;
            for (var t = 0; t < tokens.Count; t++)
            {
                var from = sentence.Start + tokens[t].Start;
                if (from >= entity.Start && from + tokens[t].Length <= entity.End)
                {
                    if (start < 0) start = t;
                    end = t + 1;
                }
            }

            if (start >= 0) stored.Add(new TypedSpan(start, end, entity.Kind));
        }

        return TypedSpanFinder.Complete(text, tokens, stored, lexicon);
    }

    /// <summary>
    /// What indexing keeps of a passage: the spans of each sentence, with the names its article introduces (indexing
    /// gets the same from <see cref="ArticleEntities"/>, which reads each sentence once for the mining and for this).
    /// </summary>
    public static List<PassageEntity> Recognize(Passage passage, EntityLexicon lexicon) => [.. passage.Sentences.SelectMany(sentence =>
    {
        var text = passage.Text.Substring(sentence.Start, sentence.Length);
        var tokens = Tokenizer.Tokenize(text);
        return SentenceRead.Entities(sentence, tokens, TypedSpanFinder.Find(text, tokens, lexicon));
    })];
}

using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>One sentence of a passage as entity recognition reads it: its text, its tokens and its spans with the general names.</summary>
public sealed record SentenceRead(SentenceSpan Sentence, string Text, List<Token> Tokens, List<TypedSpan> General)
{
    public static SentenceRead Of(string text) => Of(new SentenceSpan(0, text.Length), text);

    public static SentenceRead Of(Passage passage, SentenceSpan sentence) => Of(sentence, passage.Text.Substring(sentence.Start, sentence.Length));

    private static SentenceRead Of(SentenceSpan sentence, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new SentenceRead(sentence, text, tokens, TypedSpanFinder.Find(text, tokens, EntityLexicon.General));
    }

    /// <summary><paramref name="spans"/> of this sentence (by token position) as the passage's entities (by character position).</summary>
    public IEnumerable<PassageEntity> Entities(IEnumerable<TypedSpan> spans) => Entities(Sentence, Tokens, spans);

    /// <summary><paramref name="spans"/> of a sentence (by token position) as the passage's entities (by character position).</summary>
    public static IEnumerable<PassageEntity> Entities(SentenceSpan sentence, IReadOnlyList<Token> tokens, IEnumerable<TypedSpan> spans) => spans.Select(span =>
    {
        var start = sentence.Start + tokens[span.Start].Start;
        var end = sentence.Start + tokens[span.End - 1].Start + tokens[span.End - 1].Length;
        return new PassageEntity(start, end - start, span.Kind);
    });
}

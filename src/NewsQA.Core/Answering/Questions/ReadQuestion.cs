using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Questions;

/// <summary>A question as answer evidence reads it: its words, the answer type it asks for, its language, the spans it names.</summary>
public sealed record ReadQuestion(string Text, IReadOnlyList<QuestionWord> Words, AnswerType Type, double RarestIdf, TextLanguage Language)
{
    /// <summary>The names the articles introduce (and countries, capitals), by which sentences' and the question's spans are recognized.</summary>
    public EntityLexicon Entities { get; init; } = EntityLexicon.General;

    /// <summary>The names, places, dates and numbers the question itself holds, by its token positions.</summary>
    public IReadOnlyList<TypedSpan> Spans => _spans ??= TypedSpanFinder.Find(Text, Tokenizer.Tokenize(Text), Entities);

    private IReadOnlyList<TypedSpan>? _spans;
}

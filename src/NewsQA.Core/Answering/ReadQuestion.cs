using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>A question as answer evidence reads it: its words, the answer type it asks for, its language.</summary>
public sealed record ReadQuestion(string Text, IReadOnlyList<QuestionWord> Words, AnswerType Type, double RarestIdf, TextLanguage Language);

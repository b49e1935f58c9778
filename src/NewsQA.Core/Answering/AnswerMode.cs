namespace NewsQA.Core.Answering;

/// <summary>Which path produced an answer: the offline extractive answerer or a language model.</summary>
public enum AnswerMode
{
    Local,
    Llm,
}

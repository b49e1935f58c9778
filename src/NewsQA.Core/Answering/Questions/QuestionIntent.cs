namespace NewsQA.Core.Answering.Questions;

/// <summary>What the user wants: a fact, a summary, what is new about a topic (a dated timeline), or to see a cited source in full.</summary>
public enum QuestionIntent
{
    Factoid,
    Summary,
    ShowSource,
    Timeline,
}

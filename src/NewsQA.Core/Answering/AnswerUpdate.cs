namespace NewsQA.Core.Answering;

/// <summary>
/// One step of an answer being written: <see cref="Text"/> is everything shown so far (cumulative, markers already
/// checked against the passages given); the last update carries the <see cref="Final"/> validated answer.
/// </summary>
public sealed record AnswerUpdate(string Text, Answer? Final = null)
{
    public static AnswerUpdate Of(Answer answer) => new(answer.Text, answer);
}

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// One labelled feature vector of a training question. <see cref="Runtime"/> marks the sentence the answerer itself
/// chooses (used to choose the threshold as the answerer will meet it), as opposed to the gold sentence (a positive)
/// or the best sentence of the best passage that is not the question's own (a negative, as SQuAD 2.0 builds them), or
/// the best sentence left when the answer's sentences are taken out of its paragraph (a negative on the very topic).
/// </summary>
public sealed record TrainingExample(TrainingQuestion Question, double[] Features, double Label, double Coverage, bool Runtime, bool CrossLingual)
{
    /// <summary>A negative asked over its own paragraph with the answer's sentences taken out (the nearest-topic kind).</summary>
    public bool AnswerRemoved { get; init; }

    /// <summary>
    /// For the answerer's own choice: the sentences that compete to lead (<see cref="Core.Answering.Evidence.LeadingSentence"/>),
    /// this one among them, as examples; held out, the one the fold's model judges most likely leads. Null when the order
    /// by score stands.
    /// </summary>
    public IReadOnlyList<TrainingExample>? Rivals { get; init; }
}

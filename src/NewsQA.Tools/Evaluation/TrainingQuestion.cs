namespace NewsQA.Tools.Evaluation;

/// <summary>
/// A training question over its articles: the gold passage and the answer's offset in it for an answerable one, none for
/// a question the articles do not answer; the fold it belongs to in cross-validation (questions of one paragraph share
/// a fold, so no fold is judged on a paragraph it was fitted on).
/// </summary>
public sealed record TrainingQuestion(string Source, string Text, TrainingCorpus Corpus, string? GoldPassageId, string? Answer, int AnswerStart, int Fold)
{
    public bool IsAnswerable => GoldPassageId is not null;
}

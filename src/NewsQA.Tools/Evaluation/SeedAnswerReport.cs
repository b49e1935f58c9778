namespace NewsQA.Tools.Evaluation;

/// <summary>
/// How answers' first lines fare on questions written over the seed articles: factoid questions by language (first line
/// right, short answer shown and right, the three confidence levels), near-topic questions (the levels: `answered` is the
/// failure), follow-ups (the second answer's first line) and Arabic/English pairs (same level, same first passage, same
/// short answer). <see cref="Details"/> lists every question when asked for.
/// </summary>
public sealed record SeedAnswerReport(
    string Questions,
    string Conversations,
    FactoidFigures Arabic,
    FactoidFigures English,
    LevelFigures NearTopic,
    LevelFigures NearTopicArabic,
    LevelFigures NearTopicEnglish,
    FollowUpFigures FollowUps,
    PairFigures Pairs)
{
    public IReadOnlyList<string>? Details { get; init; }
}

/// <summary>Factoid questions of one language.</summary>
public sealed record FactoidFigures(int Questions, double FirstLineRight, double ShortAnswerShown, double ShortAnswerRight, double Answered, double Closest, double None);

/// <summary>The share of questions at each confidence level.</summary>
public sealed record LevelFigures(int Questions, double Answered, double Closest, double None);

/// <summary>Follow-ups: the second answer's first line right, in all and by language.</summary>
public sealed record FollowUpFigures(int Conversations, double FirstLineRight, double Arabic, double English);

/// <summary>Arabic/English question pairs: the share answered at the same level, from the same first passage, with the same short answer (or none in both).</summary>
public sealed record PairFigures(int Pairs, double SameLevel, double SamePassage, double SameShortAnswer);

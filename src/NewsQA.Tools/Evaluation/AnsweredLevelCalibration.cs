namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Chooses the answerability from which an answer is <c>answered</c> rather than <c>closest</c>, on the news questions
/// written over the seed articles, held out as the answerer meets them: the lowest probability at which at most
/// <see cref="MaxNearTopicAnswered"/> of the near-topic training questions would be answered (issue 20 allows a quarter;
/// the margin is for held-out variance), one for questions in the sentences' language and one for the other.
/// </summary>
public static class AnsweredLevelCalibration
{
    /// <summary>The share of near-topic training questions the answered level may take.</summary>
    public const double MaxNearTopicAnswered = 0.2;

    private static readonly double[] CurveThresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    /// <summary>The thresholds and what they give held out (answerable answered, near-topic answered).</summary>
    public static (double Threshold, double CrossLingualThreshold, Dictionary<string, object> Report) Choose(
        IReadOnlyList<TrainingExample> examples, IReadOnlyDictionary<TrainingExample, double> heldOut, Func<TrainingExample, bool> declined)
    {
        var seed = examples.Where(e => e.Runtime && e.Question.Source == "seed").ToList();
        bool Answered(TrainingExample e, double t) => !declined(e) && heldOut[e] >= t;
        double Share(IEnumerable<TrainingExample> set, double t)
        {
            var list = set.ToList();
            return list.Count == 0 ? 0 : Math.Round(list.Count(e => Answered(e, t)) / (double)list.Count, 3);
        }

        double Lowest(bool crossLingual)
        {
            var near = seed.Where(e => !e.Question.IsAnswerable && e.CrossLingual == crossLingual).ToList();
            return heldOut.Values.Distinct().Order().Prepend(0.0).Append(1.0).First(t => Share(near, t) <= MaxNearTopicAnswered);
        }

        var threshold = Lowest(crossLingual: false);
        var cross = Lowest(crossLingual: true);
        double Of(TrainingExample e) => e.CrossLingual ? cross : threshold;
        Dictionary<string, double> At(Func<TrainingExample, double> t) => new()
        {
            ["answerableAnswered"] = Math.Round(Rate(seed.Where(e => e.Question.IsAnswerable), t), 3),
            ["answerableRightAnswered"] = Math.Round(Rate(seed.Where(e => e.Question.IsAnswerable && e.Label == 1), t), 3),
            ["nearTopicAnswered"] = Math.Round(Rate(seed.Where(e => !e.Question.IsAnswerable), t), 3),
            ["nearTopicAnsweredSameLanguage"] = Math.Round(Rate(seed.Where(e => !e.Question.IsAnswerable && !e.CrossLingual), t), 3),
            ["nearTopicAnsweredCrossLingual"] = Math.Round(Rate(seed.Where(e => !e.Question.IsAnswerable && e.CrossLingual), t), 3),
        };

        double Rate(IEnumerable<TrainingExample> set, Func<TrainingExample, double> t)
        {
            var list = set.ToList();
            return list.Count == 0 ? 0 : list.Count(e => Answered(e, t(e))) / (double)list.Count;
        }

        var report = new Dictionary<string, object>
        {
            ["rule"] = $"the lowest held-out answerability at which at most {MaxNearTopicAnswered:0.00} of the seed near-topic training questions are answered (not refused and at or above it), in the sentences' language and across languages apart; below it an answer is 'closest'",
            ["heldOutAtThresholds"] = At(Of),
            ["heldOutCurve"] = CurveThresholds.Select(t => new Dictionary<string, object> { ["threshold"] = t, ["at"] = At(_ => t) }).ToList(),
        };
        return (threshold, cross, report);
    }
}

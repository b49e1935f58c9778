namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Chooses the answerability from which an answer is <c>answered</c> rather than <c>closest</c>, on the news questions
/// written over the seed articles, held out as the answerer meets them: one threshold for questions in the sentences'
/// language and one for the other (whose evidence passes through translation and scores lower), chosen together as the
/// pair that keeps the most answerable questions answered while at most <see cref="MaxNearTopicAnswered"/> of the
/// near-topic ones are (issue 20's limit).
/// </summary>
public static class AnsweredLevelCalibration
{
    /// <summary>The share of near-topic training questions the answered level may take.</summary>
    public const double MaxNearTopicAnswered = 0.25;

    private static readonly double[] CurveThresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    // Thresholds tried for each language case: 0.10 to 0.90 by 0.01.
    private static readonly double[] Grid = [.. Enumerable.Range(10, 81).Select(i => i / 100.0)];

    /// <summary>The thresholds and what they give held out (answerable answered, near-topic answered).</summary>
    public static (double Threshold, double CrossLingualThreshold, Dictionary<string, object> Report) Choose(
        IReadOnlyList<TrainingExample> examples, IReadOnlyDictionary<TrainingExample, double> heldOut, Func<TrainingExample, bool> declined)
    {
        var seed = examples.Where(e => e.Runtime && e.Question.Source == "seed").ToList();
        var near = seed.Where(e => !e.Question.IsAnswerable).ToList();
        var answerable = seed.Where(e => e.Question.IsAnswerable).ToList();
        bool Answered(TrainingExample e, double t) => !declined(e) && heldOut[e] >= t;
        double Rate(IEnumerable<TrainingExample> set, Func<TrainingExample, double> t)
        {
            var list = set.ToList();
            return list.Count == 0 ? 0 : Math.Round(list.Count(e => Answered(e, t(e))) / (double)list.Count, 3);
        }

        var best = (Same: 1.0, Cross: 1.0, Answered: -1);
        foreach (var same in Grid)
        {
            foreach (var crossing in Grid)
            {
                double T(TrainingExample e) => e.CrossLingual ? crossing : same;
                if (near.Count(e => Answered(e, T(e))) > MaxNearTopicAnswered * near.Count) continue;
                var count = answerable.Count(e => Answered(e, T(e)));
                if (count > best.Answered) best = (same, crossing, count);
            }
        }

        Dictionary<string, double> At(Func<TrainingExample, double> t) => new()
        {
            ["answerableAnswered"] = Rate(answerable, t),
            ["answerableAnsweredSameLanguage"] = Rate(answerable.Where(e => !e.CrossLingual), t),
            ["answerableAnsweredCrossLingual"] = Rate(answerable.Where(e => e.CrossLingual), t),
            ["answerableRightAnswered"] = Rate(answerable.Where(e => e.Label == 1), t),
            ["nearTopicAnswered"] = Rate(near, t),
            ["nearTopicAnsweredSameLanguage"] = Rate(near.Where(e => !e.CrossLingual), t),
            ["nearTopicAnsweredCrossLingual"] = Rate(near.Where(e => e.CrossLingual), t),
        };

        var report = new Dictionary<string, object>
        {
            ["rule"] = $"the pair of held-out answerability thresholds (in the sentences' language, across languages) that answers the most seed answerable training questions while at most {MaxNearTopicAnswered:0.00} of the seed near-topic ones are answered (not refused and at or above it); below it an answer is 'closest'",
            ["heldOutAtThresholds"] = At(e => e.CrossLingual ? best.Cross : best.Same),
            ["heldOutCurve"] = CurveThresholds.Select(t => new Dictionary<string, object> { ["threshold"] = t, ["at"] = At(_ => t) }).ToList(),
        };
        return (best.Same, best.Cross, report);
    }
}

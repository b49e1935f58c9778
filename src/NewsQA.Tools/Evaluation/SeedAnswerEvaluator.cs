using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Asks the questions and conversations written over the seed articles (and models/articles/) as a user would and
/// judges each answer's first line (<see cref="FirstLine"/>): the measure of issue 20's held-out targets.
/// </summary>
public sealed class SeedAnswerEvaluator(AnswerService answers)
{
    public async Task<SeedAnswerReport> EvaluateAsync(
        PassageIndex index, string questionsName, IReadOnlyList<SeedAnswerQuestion> questions, string conversationsName, IReadOnlyList<SeedConversation> conversations,
        bool details, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var asked = new List<(SeedAnswerQuestion Question, Answer Answer, bool Right)>();
        foreach (var question in questions)
        {
            var answer = await answers.AskAsync(index, question.Question, null, cancellationToken).ConfigureAwait(false);
            var right = question.IsAnswerable && FirstLine.IsRight(answer, question.Answers);
            asked.Add((question, answer, right));
            lines.Add(Line(question.IsAnswerable ? (right ? "right" : "WRONG") : "near-topic", question.Question, answer));
        }

        var followUps = new List<(SeedConversation Conversation, bool Arabic, bool Right)>();
        foreach (var conversation in conversations)
        {
            var turns = new Conversation(conversation.Pair);
            await answers.AskAsync(index, conversation.First, turns, cancellationToken).ConfigureAwait(false);
            var answer = await answers.AskAsync(index, conversation.FollowUp, turns, cancellationToken).ConfigureAwait(false);
            var right = FirstLine.IsRight(answer, conversation.Answers);
            followUps.Add((conversation, IsArabic(conversation.FollowUp), right));
            lines.Add(Line(right ? "right" : "WRONG", $"{conversation.First} → {conversation.FollowUp}", answer));
        }

        var factoid = asked.Where(a => a.Question.IsAnswerable).ToList();
        var near = asked.Where(a => !a.Question.IsAnswerable).ToList();
        var pairs = factoid.Where(a => a.Question.Pair is not null).GroupBy(a => a.Question.Pair).Where(g => g.Count() == 2).Select(g => g.ToList()).ToList();
        return new SeedAnswerReport(
            questionsName,
            conversationsName,
            Factoid([.. factoid.Where(a => IsArabic(a.Question.Question))]),
            Factoid([.. factoid.Where(a => !IsArabic(a.Question.Question))]),
            Levels([.. near.Select(a => a.Answer)]),
            Levels([.. near.Where(a => IsArabic(a.Question.Question)).Select(a => a.Answer)]),
            Levels([.. near.Where(a => !IsArabic(a.Question.Question)).Select(a => a.Answer)]),
            new FollowUpFigures(followUps.Count, Share(followUps, f => f.Right), Share([.. followUps.Where(f => f.Arabic)], f => f.Right), Share([.. followUps.Where(f => !f.Arabic)], f => f.Right)),
            new PairFigures(
                pairs.Count,
                Share(pairs, p => p[0].Answer.Confidence == p[1].Answer.Confidence),
                Share(pairs, p => FirstPassage(p[0].Answer) == FirstPassage(p[1].Answer)),
                Share(pairs, p => p[0].Answer.ShortAnswer?.Original == p[1].Answer.ShortAnswer?.Original)))
        {
            Details = details ? lines : null,
        };
    }

    private static FactoidFigures Factoid(List<(SeedAnswerQuestion Question, Answer Answer, bool Right)> set)
    {
        var shown = set.Where(a => a.Answer.ShortAnswer is not null).ToList();
        return new FactoidFigures(
            set.Count,
            Share(set, a => a.Right),
            Share(set, a => a.Answer.ShortAnswer is not null),
            Share(shown, a => FirstLine.IsRightSpan(a.Answer.ShortAnswer!.Original, a.Question.Answers)),
            Share(set, a => a.Answer.Confidence == AnswerConfidence.Answered),
            Share(set, a => a.Answer.Confidence == AnswerConfidence.Closest),
            Share(set, a => a.Answer.Confidence == AnswerConfidence.None));
    }

    private static LevelFigures Levels(List<Answer> set) => new(
        set.Count,
        Share(set, a => a.Confidence == AnswerConfidence.Answered),
        Share(set, a => a.Confidence == AnswerConfidence.Closest),
        Share(set, a => a.Confidence == AnswerConfidence.None));

    private static double Share<T>(IReadOnlyCollection<T> set, Func<T, bool> predicate) =>
        set.Count == 0 ? 0 : Math.Round(set.Count(predicate) / (double)set.Count, 3);

    private static string? FirstPassage(Answer answer) => answer.Citations.FirstOrDefault()?.Passage.Id;

    private static bool IsArabic(string question) => LanguageDetector.DetectAnswerLanguage(question) == TextLanguage.Arabic;

    private static string Line(string verdict, string question, Answer answer)
    {
        var first = answer.Text.Split('\n')[0];
        return $"{verdict}\t{answer.Confidence.ToString().ToLowerInvariant()}\t{question}\t{(first.Length > 160 ? first[..160] + "…" : first)}";
    }
}

using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.Questions;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// What a reader checks to tell whether a sentence answers a question, as numbers between 0 and 1: how much of the
/// question it holds; whether it holds the question's focus (the head noun and its modifiers, together); whether it
/// holds an answer of the asked type (a name for who, a number for how many, a date for when, a place for where) and
/// how near the focus; whether the question's rarest word, its names and its numbers are missing; whether another modifier or name stands where the question's would (<see cref="FocusConflict"/>). The answerability <see cref="LinearModel"/> weighs them.
/// </summary>
public static class AnswerabilityFeatures
{
    /// <summary>The features, each named beside its computation (the model file lists the names).</summary>
    public static readonly FeatureSet<Reading> Set = new(
        new("coverage", r => r.Candidate.Coverage),
        new("windowShare", r => WindowShare(r.Sentence, r.Words)),
        new("focusTogether", r => r.Together),
        // The focus is complete when every one of its words is in the sentence: the modifier that names the office, the
        // country or the unit is what tells the asked thing from its neighbour.
        new("focusComplete", r => r.Complete),
        new("headPresent", r => r.HeadPresence),
        new("typedAnswer", r => r.Typed),
        new("typedBesideFocus", r => r.Near * r.Complete * (r.Head >= 0 ? r.InSentence[r.Head] : 1)),
        // Words the articles never use say less than words they use elsewhere: questions paraphrase.
        new("rarestMissing", r => r.RarestIdf > 0 ? r.Known.Select(w => (1 - r.InWindow[w]) * r.Words[w].Weight / r.RarestIdf).DefaultIfEmpty(0).Max() : 0),
        new("namesMissing", r => r.Names.Count > 0 ? r.Names.Count(w => r.InPassage[w] < 0.5) / (double)r.Names.Count : 0),
        new("numbersMissing", r => r.Numbers.Any(w => r.InPassage[w] < 1) ? 1 : 0),
        // Words the articles never use: their share of the question, and whether the focus holds one ("تركيا" in
        // "ما موقف تركيا"): the collection, not only the sentence, lacks what is asked about.
        new("unknownShare", r => r.TotalWeight > 0 ? r.Unknown.Sum(w => r.Words[w].Weight) / r.TotalWeight : 0),
        new("focusUnknown", r => r.Focus.Any(r.Unknown.Contains) ? 1 : 0),
        new("modifierConflict", r => FocusConflict.Modifier(r.Words, r.Sentence)),
        new("entityConflict", r => FocusConflict.Entity(r.Words, r.Question.Spans, r.Sentence, r.Question.Type)),
        // No span of the asked kind, apart for each kind: dates and numbers are written in ways a rule finds every
        // time, names and places less reliably, so their absence says more for some kinds than for others.
        new("numberAbsent", r => r.Question.Type == AnswerType.Number ? 1 - r.Typed : 0),
        new("timeAbsent", r => r.Question.Type == AnswerType.Time ? 1 - r.Typed : 0),
        new("personAbsent", r => r.Question.Type == AnswerType.Person ? 1 - r.Typed : 0),
        new("placeAbsent", r => r.Question.Type == AnswerType.Place ? 1 - r.Typed : 0));

    /// <summary>The features' names, in the order <see cref="Compute"/> returns them (the model file lists them too).</summary>
    public static IReadOnlyList<string> Names => Set.Names;

    // Neighbouring sentences count half, as in the coverage score: questions are often written across two sentences.
    private const double NeighbourShare = 0.5;

    // A typed answer this many tokens from the focus counts about a third as much as one beside it.
    private const double NearnessTokens = 4;

    /// <summary>The features of <paramref name="candidate"/> as an answer to <paramref name="question"/>.</summary>
    public static double[] Compute(ReadQuestion question, SentenceEvidence candidate) => Set.Compute(new Reading(question, candidate));

    /// <summary>What the features read of a candidate sentence, computed once: where each question word is found (the sentence, its neighbours, its passage), the focus, the typed answer.</summary>
    public sealed class Reading
    {
        public Reading(ReadQuestion question, SentenceEvidence candidate)
        {
            Question = question;
            Candidate = candidate;
            var words = question.Words;
            var passage = candidate.Passage;
            var sentences = passage.Sentences;
            var index = sentences.ToList().FindIndex(s => s.Start == candidate.Sentence.Start);
            Sentence = SentenceMatch.Of(candidate, question);
            var neighbours = sentences.Where((_, i) => i == index - 1 || i == index + 1).Select(s => SentenceMatch.Create(passage.Text.Substring(s.Start, s.Length), words)).ToList();
            var whole = SentenceMatch.Create(passage.Text, words);
            InSentence = [.. words.Select((_, w) => Sentence.Presence(w))];
            InWindow = [.. InSentence.Select((p, w) => Math.Max(p, NeighbourShare * neighbours.Select(n => n.Presence(w)).DefaultIfEmpty(0).Max()))];
            InPassage = [.. words.Select((_, w) => whole.Presence(w))];
            var all = Enumerable.Range(0, words.Count).ToList();
            Focus = [.. all.Where(w => words[w].IsFocus)];
            Head = all.FirstOrDefault(w => words[w].IsHead, -1);
            Names = [.. all.Where(w => words[w].IsName)];
            Numbers = [.. all.Where(w => words[w].IsNumber)];
            var sentenceShare = Share(words, all, InSentence);
            var focusShare = Focus.Count > 0 ? Focus.Average(w => InSentence[w]) : sentenceShare;
            (Together, var window) = Focus.Count > 0 ? AnswerabilityFeatures.Together(Sentence, Focus) : (sentenceShare, (0, Sentence.Tokens.Count));
            Complete = Focus.Count > 0 ? Focus.Min(w => InSentence[w]) : sentenceShare;
            HeadPresence = Head >= 0 ? InSentence[Head] : focusShare;
            (Typed, Near) = TypedAnswer(Sentence, question.Type, window);
            Known = [.. all.Where(w => words[w].Weight < question.RarestIdf)];
            Unknown = [.. all.Where(w => words[w].Weight >= question.RarestIdf)];
            TotalWeight = all.Sum(w => words[w].Weight);
        }

        public ReadQuestion Question { get; }

        public SentenceEvidence Candidate { get; }

        public SentenceMatch Sentence { get; }

        public IReadOnlyList<QuestionWord> Words => Question.Words;

        public double RarestIdf => Question.RarestIdf;

        public double[] InSentence { get; }

        public double[] InWindow { get; }

        public double[] InPassage { get; }

        public List<int> Focus { get; }

        public int Head { get; }

        public List<int> Names { get; }

        public List<int> Numbers { get; }

        public double Together { get; }

        public double Complete { get; }

        public double HeadPresence { get; }

        public double Typed { get; }

        public double Near { get; }

        public List<int> Known { get; }

        public List<int> Unknown { get; }

        public double TotalWeight { get; }
    }

    // Question words cluster around an answer; scattered over a long news sentence they are a coincidence. The best
    // share of the question's weight inside one stretch of the sentence about a clause long.
    private const int ClauseTokens = 12;

    private static double WindowShare(SentenceMatch sentence, IReadOnlyList<QuestionWord> words)
    {
        var total = words.Sum(w => w.Weight);
        var tokens = sentence.Tokens.Count;
        if (total <= 0 || tokens == 0) return 0;
        var best = 0.0;
        for (var start = 0; start < Math.Max(1, tokens - ClauseTokens + 1); start++)
        {
            var end = Math.Min(tokens, start + ClauseTokens);
            best = Math.Max(best, words.Select((w, i) => w.Weight * Enumerable.Range(start, end - start).Max(t => sentence.Matches[i][t])).Sum() / total);
        }

        return best;
    }

    private static double Share(IReadOnlyList<QuestionWord> words, List<int> which, double[] presence)
    {
        var total = which.Sum(w => words[w].Weight);
        return total > 0 ? which.Sum(w => words[w].Weight * presence[w]) / total : 0;
    }

    // The focus read as a phrase: the best share of its words found inside one window of the sentence a little wider
    // than the phrase, so that "وزير الدفاع الأمريكي" does not hold "وزير الخارجية" though it holds "وزير". Each word
    // counts alike: the modifier that tells one office from another is often the commonest word of the phrase.
    private static (double Share, (int Start, int End) Window) Together(SentenceMatch sentence, List<int> focus)
    {
        var tokens = sentence.Tokens.Count;
        if (tokens == 0) return (0, (0, 0));
        var width = focus.Count + 2;
        var best = (Share: 0.0, Window: (0, Math.Min(tokens, width)));
        for (var start = 0; start < Math.Max(1, tokens - width + 1); start++)
        {
            var end = Math.Min(tokens, start + width);
            var share = focus.Average(w => Enumerable.Range(start, end - start).Max(t => sentence.Matches[w][t]));
            if (share > best.Share) best = (share, (start, end));
        }

        // The window shrinks to the focus words it holds, so nearness is measured from the phrase itself.
        var (from, to) = best.Window;
        var held = Enumerable.Range(from, to - from).Where(t => focus.Any(w => sentence.Matches[w][t] >= 0.5)).ToList();
        return (best.Share, held.Count > 0 ? (held[0], held[^1] + 1) : best.Window);
    }

    // Whether the sentence holds a span of the asked kind that is not wholly the question's own words, and how near the
    // focus phrase (1 beside it, falling off with distance). A count carries the counted noun the question asks about
    // ("300 جندي" for "كم جنديا"), so one word of the question's in a span does not make it the question's.
    private static (double Typed, double Near) TypedAnswer(SentenceMatch sentence, AnswerType type, (int Start, int End) focus)
    {
        var kinds = Kinds(type);
        if (kinds.Length == 0) return (type == AnswerType.Reason && AnswerTypeDetector.Holds(type, sentence.Text, string.Empty) ? 1 : 0, 0);
        var spans = sentence.Spans
            .Where(s => kinds.Contains(s.Kind) && Enumerable.Range(s.Start, s.Length).Count(sentence.IsQuestionToken) < s.Length).ToList();
        if (spans.Count == 0) return (0, 0);
        var distance = spans.Min(s => s.End <= focus.Start ? focus.Start - s.End : s.Start >= focus.End ? s.Start - focus.End : 0);
        return (1, Math.Exp(-distance / NearnessTokens));
    }

    /// <summary>The span kinds that answer a question type (who is answered by a person or an organization).</summary>
    public static SpanKind[] Kinds(AnswerType type) => type switch
    {
        AnswerType.Person => [SpanKind.Person, SpanKind.Organization],
        AnswerType.Number => [SpanKind.Number],
        AnswerType.Time => [SpanKind.Time],
        AnswerType.Place => [SpanKind.Place],
        AnswerType.Organization => [SpanKind.Organization],
        _ => [],
    };
}

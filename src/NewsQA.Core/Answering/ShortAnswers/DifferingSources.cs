using System.Globalization;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.ShortAnswers;

/// <summary>
/// Finds where the top passages of different articles give different answers of the asked kind to the same question
/// (troop numbers, dates, names): each article's best sentence that holds a likely-right span of that kind (the gate's
/// threshold, as for the answer's own) and the question's focus as well as the answer's sentence does; the answers
/// listed with their article's outlet and date, newest first, rather than one picked silently.
/// </summary>
public static class DifferingSources
{
    // A source must hold the question about as well as the answer's own sentence to stand beside it.
    private const double MinCoverageShare = 0.8;

    private const int MaxSources = 3;

    /// <summary>The sentences and spans that differ, newest article first (the answer's own among them), or null when the sources agree.</summary>
    public static List<(SentenceEvidence Sentence, KindCandidate Span, double Probability)>? Find(
        PassageIndex index, IReadOnlyList<SentenceEvidence> evidence, SentenceEvidence best, KindCandidate bestSpan, double bestProbability,
        Func<SentenceEvidence, (KindCandidate Candidate, double Probability)?> judge, double threshold)
    {
        var sources = new List<(SentenceEvidence Sentence, KindCandidate Span, double Probability)> { (best, bestSpan, bestProbability) };
        foreach (var other in evidence.Where(e => e.Passage.DocumentId != best.Passage.DocumentId && e.Coverage >= MinCoverageShare * best.Coverage).DistinctBy(e => e.Passage.DocumentId))
        {
            if (sources.Count >= MaxSources) break;
            if (sources.Any(s => s.Sentence.Passage.DocumentId == other.Passage.DocumentId)) continue;
            if (judge(other) is not { } judged || judged.Probability < threshold) continue;
            if (sources.Any(s => Agree(s.Span, judged.Candidate))) continue;
            sources.Add((other, judged.Candidate, judged.Probability));
        }

        if (sources.Count < 2) return null;
        return [.. sources.OrderByDescending(s => index.FindArticle(s.Sentence.Passage.DocumentId)?.Published?.UtcTicks ?? long.MinValue)];
    }

    /// <summary>" (outlet, month year)": what is known of the source, never a guessed date.</summary>
    public static string Credit(IndexedArticle? article, TextLanguage language)
    {
        string?[] parts = [article?.Source, article?.Published is { } date ? AnswerDates.MonthYear(date, language) : null];
        var known = parts.OfType<string>().ToList();
        // With neither, the marker alone tells the sources apart.
        return known.Count > 0 ? $" ({string.Join(language == TextLanguage.Arabic ? "، " : ", ", known)})" : string.Empty;
    }

    // Two spans agree unless they plainly say different things: different numbers, different years or months, or names
    // that share no word (compared by stem and, across scripts, by sound). What cannot be compared ("last Thursday")
    // agrees: precision first.
    private static bool Agree(KindCandidate a, KindCandidate b)
    {
        var (x, y) = (Numbers(a.Extracted.Text), Numbers(b.Extracted.Text));
        if (a.Extracted.Kind is SpanKind.Number or SpanKind.Time) return x.Count == 0 || y.Count == 0 ? Months(a) is not { Count: > 0 } ma || Months(b) is not { Count: > 0 } mb || ma.Overlaps(mb) : x.SetEquals(y);
        var (u, v) = (Words(a.Extracted.Text), Words(b.Extracted.Text));
        return u.Count == 0 || v.Count == 0 || u.Overlaps(v);
    }

    private static HashSet<int> Months(KindCandidate c)
    {
        var tokens = Tokenizer.Tokenize(c.Extracted.Text);
        return [.. Enumerable.Range(0, tokens.Count).Select(i => TypedSpanFinder.MonthAt(tokens, i)?.Month).OfType<int>()];
    }

    private static HashSet<long> Numbers(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(ArabicNormalizer.Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal), "[0-9]+")
            .Select(m => long.Parse(m.Value, CultureInfo.InvariantCulture))];

    // Stems, and each word's sound key, so that "لويد أوستن" and "Lloyd Austin" share words.
    private static HashSet<string> Words(string text) =>
        [.. Tokenizer.Tokenize(text).Where(t => TextAnalyzer.AnalyzeToken(t) is not null)
            .SelectMany(t => new[] { TextAnalyzer.AnalyzeToken(t)!, "~" + (t.IsArabic ? CrossLingual.TransliterationKey.FromArabic(t.Normalized) : CrossLingual.TransliterationKey.FromLatin(t.Normalized)) })];
}

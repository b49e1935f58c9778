using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.Questions;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Evidence;

/// <summary>
/// A sentence's tokens and, per question word, how well each token witnesses it: 1 when the token's stem is one of the
/// word's terms, else the share of one of the word's alternatives' character grams the token holds (inflected forms:
/// سيخسر / يخسره), counted from half up, else <see cref="SkeletonMatch"/> when an Arabic token has the consonant
/// skeleton of one of the word's Arabic forms (broken plurals: قائد / قادة).
/// </summary>
public sealed class SentenceMatch
{
    // Below this share of a word's grams a token is another word that happens to share letters.
    private const double MinGramShare = 0.5;

    /// <summary>A skeleton is coarser than a stem: a match by it counts this much.</summary>
    public const double SkeletonMatch = 0.75;

    // Two-consonant skeletons are shared by too many words; they count only between words of four letters or more.
    private const int MinShortSkeletonWord = 4;

    private readonly Lazy<List<TypedSpan>> _spans;

    private SentenceMatch(string text, List<Token> tokens, double[][] matches, Func<IReadOnlyList<Token>, List<TypedSpan>>? spans)
    {
        Text = text;
        Tokens = tokens;
        Matches = matches;
        _spans = new(() => spans?.Invoke(tokens) ?? TypedSpanFinder.Find(text, tokens));
    }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Matches[w][t]: how well token t witnesses question word w (0 to 1).</summary>
    public double[][] Matches { get; }

    /// <summary>The sentence's names, numbers, dates, places and organizations, by token position.</summary>
    public IReadOnlyList<TypedSpan> Spans => _spans.Value;

    /// <summary>A candidate sentence matched against the question, its spans those its passage's indexing recognized (<see cref="SentenceSpans"/>).</summary>
    public static SentenceMatch Of(SentenceEvidence sentence, ReadQuestion question) =>
        Create(sentence.Text, question.Words, tokens => SentenceSpans.Of(sentence.Passage, sentence.Sentence, sentence.Text, tokens, question.Entities));

    /// <summary>Matches a sentence's tokens against the question's words; its spans found by <paramref name="spans"/>, else recognized afresh.</summary>
    public static SentenceMatch Create(string sentence, IReadOnlyList<QuestionWord> words, Func<IReadOnlyList<Token>, List<TypedSpan>>? spans = null)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var stems = tokens.Select(TextAnalyzer.AnalyzeToken).ToList();
        var grams = tokens.Select(t => new HashSet<string>(CharacterGrams.Analyze(t.Normalized), StringComparer.Ordinal)).ToList();
        var skeletons = tokens.Select(t => t.IsArabic && stems[tokens.IndexOf(t)] is not null ? ArabicSkeleton.Of(t.Normalized) : string.Empty).ToList();
        var matches = new double[words.Count][];
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            matches[w] = new double[tokens.Count];
            for (var t = 0; t < tokens.Count; t++)
            {
                if (stems[t] is { } stem && word.Terms.Contains(stem))
                {
                    matches[w][t] = 1;
                    continue;
                }

                var share = word.Grams.Select(g => g.Count(grams[t].Contains) / (double)g.Count).DefaultIfEmpty(0).Max();
                var skeleton = skeletons[t];
                var bySkeleton = skeleton.Length > 0 && word.Skeletons.Contains(skeleton) && (skeleton.Length > 2 || tokens[t].Normalized.Length >= MinShortSkeletonWord)
                    ? SkeletonMatch : 0;
                matches[w][t] = Math.Max(share >= MinGramShare ? share : 0, bySkeleton);
            }
        }

        return new SentenceMatch(sentence, tokens, matches, spans);
    }

    /// <summary>How well the sentence witnesses word <paramref name="w"/> anywhere.</summary>
    public double Presence(int w) => Matches[w].Length == 0 ? 0 : Matches[w].Max();

    /// <summary>Whether token <paramref name="t"/> witnesses some question word at least half.</summary>
    public bool IsQuestionToken(int t) => Matches.Any(m => m[t] >= MinGramShare);
}

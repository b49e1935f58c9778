using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// Learns an article's names from the cues that introduce them (<see cref="TypedSpanFinder.FindIntroduced"/>): a person
/// after a title ("وزير الدفاع الأمريكي لويد أوستن"), a place after its noun ("محافظة الأنبار", "قاعدة عين الأسد"), an
/// organization after its noun ("حركة النجباء"). The names then count wherever the articles use them without the cue
/// ("أوستن", "الأنبار", "النجباء"): one sense per discourse, as news writes a name in full once and short after.
/// </summary>
public static class EntityMiner
{
    // A family name alone stands for the person when it is distinctive: a nisba ("العبادي") or a word of this length.
    private const int MinSurnameLetters = 5;

    /// <summary>The names the sentences introduce.</summary>
    public static EntityLexicon Mine(IEnumerable<string> sentences) => Mine(sentences.Select(SentenceRead.Of));

    /// <summary>The names the sentences introduce, from their tokens and spans with the general names.</summary>
    public static EntityLexicon Mine(IEnumerable<SentenceRead> sentences)
    {
        var names = new List<(string, SpanKind)>();
        foreach (var (_, sentence, tokens, general) in sentences)
        {
            foreach (var span in TypedSpanFinder.FindIntroduced(sentence, tokens, general))
            {
                // A one-letter prefix on the first word ("لقوات", "بمحافظة") is not part of the name.
                var first = tokens[span.Start].Normalized;
                if (span.Kind == SpanKind.Organization && SpanWords.OrganizationNouns.Contains(TypedSpanFinder.Bare(first)) && !SpanWords.OrganizationNouns.Contains(first)) first = TypedSpanFinder.Bare(first);
                var rest = span.Length > 1 ? " " + EntityLexicon.Key(tokens, span.Start + 1, span.Length - 1) : string.Empty;
                names.Add((first + rest, span.Kind));
                var last = tokens[span.End - 1];
                if (span.Kind == SpanKind.Person && span.Length >= 2 && !IsJoiner(tokens[span.End - 2].Normalized)
                    && (TypedSpanFinder.HasArticle(last.Normalized) || last.Normalized.Length >= MinSurnameLetters))
                {
                    names.Add((last.Normalized, SpanKind.Person));
                }

                // "حركة النجباء" → "النجباء": a movement, an alliance, a site is called by its name alone.
                if (span.Kind == SpanKind.Organization && span.Length >= 2 && SpanWords.NamingOrganizationNouns.Contains(TypedSpanFinder.Bare(tokens[span.Start].Normalized)))
                {
                    names.Add((EntityLexicon.Key(tokens, span.Start + 1, span.Length - 1), SpanKind.Organization));
                }
            }
        }

        return new EntityLexicon(names);
    }

    private static bool IsJoiner(string word) => word is "عبد" or "ابو" or "ابن" or "بن" or "al" or "el" or "abu" or "abdul" or "ibn" or "bin";
}

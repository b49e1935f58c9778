using Lucene.Net.Index;
using NewsQA.Core.Indexing;
using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// A segment's word terms by transliteration key ("ar:" + the key of an Arabic term, "en:" + that of a Latin one), built
/// once per segment core and shared by every snapshot that keeps the segment: a commit keys only its new segments'
/// words, where a whole-index table was rebuilt for every snapshot.
/// </summary>
internal static class SegmentTransliterations
{
    /// <summary>The keys of each segment core.</summary>
    internal static readonly PerSegment<ILookup<string, string>> Table = PerSegment<ILookup<string, string>>.ByCore(Build);

    public static ILookup<string, string> Of(AtomicReader reader) => Table.Of(reader);

    private static ILookup<string, string> Build(AtomicReader reader) => WordTerms(reader)
        .Where(t => char.IsLetter(t[0]))
        .Select(t => (Term: t, Key: ArabicNormalizer.IsArabicLetter(t[0]) ? "ar:" + TransliterationKey.FromArabic(t) : "en:" + TransliterationKey.FromLatin(t)))
        .ToLookup(x => x.Key, x => x.Term, StringComparer.Ordinal);

    private static IEnumerable<string> WordTerms(AtomicReader reader)
    {
        var terms = reader.GetTerms(IndexFields.Words)?.GetEnumerator();
        if (terms is null) yield break;
        while (terms.MoveNext()) yield return terms.Term.Utf8ToString();
    }
}

using NewsQA.Core.Indexing;

namespace NewsQA.Core.CrossLingual;

/// <summary>The word terms of a snapshot that have one transliteration key: the union of its segments' (<see cref="SegmentTransliterations"/>).</summary>
internal static class TransliteratedTerms
{
    /// <summary>The distinct word terms of <paramref name="index"/> under <paramref name="key"/> ("ar:…" or "en:…").</summary>
    public static IEnumerable<string> Find(PassageIndex index, string key) =>
        index.Segments.SelectMany(s => SegmentTransliterations.Of(s.AtomicReader)[key]).Distinct(StringComparer.Ordinal);
}

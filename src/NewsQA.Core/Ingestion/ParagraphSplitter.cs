namespace NewsQA.Core.Ingestion;

/// <summary>
/// Cuts a paragraph longer than the passage size into consecutive parts at sentence ends. A single sentence longer
/// than the size is cut at white space (or, with none, at the size), so no input can make one giant passage.
/// </summary>
public static class ParagraphSplitter
{
    /// <summary>Character ranges of the parts, each at most <paramref name="maxChars"/> long.</summary>
    public static List<(int Start, int Length)> Split(string paragraph, int maxChars)
    {
        if (paragraph.Length <= maxChars) return [(0, paragraph.Length)];

        var parts = new List<(int Start, int Length)>();
        int partStart = -1, partEnd = -1;
        foreach (var sentence in SentenceSplitter.Split(paragraph))
        {
            foreach (var (start, end) in CutLongSentence(paragraph, sentence, maxChars))
            {
                if (partStart >= 0 && end - partStart > maxChars)
                {
                    parts.Add((partStart, partEnd - partStart));
                    partStart = -1;
                }

                if (partStart < 0) partStart = start;
                partEnd = end;
            }
        }

        if (partStart >= 0) parts.Add((partStart, partEnd - partStart));
        return parts;
    }

    private static IEnumerable<(int Start, int End)> CutLongSentence(string text, SentenceSpan sentence, int maxChars)
    {
        var start = sentence.Start;
        while (sentence.End - start > maxChars)
        {
            var cut = text.LastIndexOf(' ', start + maxChars - 1, maxChars / 2);
            var end = cut > start ? cut : start + maxChars;
            if (char.IsHighSurrogate(text[end - 1])) end--; // never split a surrogate pair
            yield return (start, end);
            start = end;
            while (start < sentence.End && text[start] == ' ') start++;
        }

        if (sentence.End > start) yield return (start, sentence.End);
    }
}

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Finds sentence boundaries in Arabic and English prose: after . ! ? ؟ … and at line ends, never inside a number
/// (2.5, 1.000) and never after a one-letter abbreviation (د. جاسم, U.S.).
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of a text, trimmed of surrounding white space, in order.</summary>
    public static List<SentenceSpan> Split(ReadOnlySpan<char> text)
    {
        var spans = new List<SentenceSpan>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, start, i, spans);
                start = i + 1;
            }
            else if (IsTerminal(c) && IsBoundary(text, i))
            {
                var end = i + 1;
                while (end < text.Length && (IsTerminal(text[end]) || IsCloser(text[end]))) end++;
                Add(text, start, end, spans);
                start = end;
                i = end;
                continue;
            }

            i++;
        }

        Add(text, start, text.Length, spans);
        return spans;
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '؟' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or '»' or ')' or ']';

    private static bool IsBoundary(ReadOnlySpan<char> text, int i)
    {
        var next = i + 1 < text.Length ? text[i + 1] : ' ';
        if (text[i] == '.')
        {
            var previous = i > 0 ? text[i - 1] : ' ';
            if (char.IsDigit(previous) && char.IsDigit(next)) return false; // 2.5, 1.000
            if (IsOneLetterWord(text, i)) return false; // abbreviations: د. / U.S.
        }

        // A sentence ends where white space, a closing quote or the end of text follows.
        return char.IsWhiteSpace(next) || IsCloser(next) || IsTerminal(next) || i + 1 == text.Length;
    }

    private static bool IsOneLetterWord(ReadOnlySpan<char> text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot == 1 || !char.IsLetter(text[dot - 2]));

    private static void Add(ReadOnlySpan<char> text, int start, int end, List<SentenceSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new SentenceSpan(start, end - start));
    }
}

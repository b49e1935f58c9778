using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering;

/// <summary>
/// Finds the stretches of a sentence that name a date or time, a number (with its unit or counted noun), a person, a
/// place or an organization, from the cues news prose writes them with (<see cref="SpanWords"/>): month and weekday
/// names, digits and number words, a title or speech verb before a name, a place or organization noun before one.
/// </summary>
public static class TypedSpanFinder
{
    private const int MaxNameTokens = 4;
    private const int MaxModifierTokens = 5;
    private const int MaxPlaceTokens = 3;

    // Arabic number words that count (three thousand, tens of) beside the ones NumberWords reads as values.
    private static readonly HashSet<string> CountWords = new(
        ["الاف", "الف", "مئات", "عشرات", "ملايين", "مليون", "مليار", "مليارات", "بضعه", "بضع", "نحو", "thousand", "thousands", "hundreds", "million", "billion", "dozens"],
        StringComparer.Ordinal);

    // Words that join a name's parts ("عبد الله", "Abdul Amir al-Shammari", "Abu Taqwa").
    private static readonly HashSet<string> NameJoiners = new(["عبد", "ابو", "ابن", "بن", "بنت", "ال", "al", "el", "bin", "ibn", "abu", "abdul", "abd", "de", "van"], StringComparer.Ordinal);

    // "that he/she/they" after a verb of saying: the clause follows, not the speaker.
    private static readonly HashSet<string> Complementizers = new(["انه", "انها", "انهم", "اننا", "بانه", "بانها", "بانهم", "انني", "that"], StringComparer.Ordinal);

    // Month words that are also common words ("may", "march", آب = father): a date only beside a number.
    private static readonly HashSet<string> AmbiguousMonths = new(["اب", "may", "march", "mar", "jan", "dec", "oct", "nov", "sep", "aug", "feb", "apr"], StringComparer.Ordinal);

    /// <summary>The typed spans of a sentence, by token position; a token belongs to at most one span.</summary>
    public static List<TypedSpan> Find(string sentence, IReadOnlyList<Token> tokens)
    {
        var spans = new List<TypedSpan>();
        var used = new bool[tokens.Count];
        void Add(int start, int end, SpanKind kind)
        {
            if (end <= start || Enumerable.Range(start, end - start).Any(i => used[i])) return;
            for (var i = start; i < end; i++) used[i] = true;
            spans.Add(new TypedSpan(start, end, kind));
        }

        foreach (var (start, end) in Times(sentence, tokens)) Add(start, end, SpanKind.Time);
        foreach (var (start, end) in Numbers(sentence, tokens, used)) Add(start, end, SpanKind.Number);
        foreach (var (start, end) in Organizations(sentence, tokens)) Add(start, end, SpanKind.Organization);
        foreach (var (start, end) in People(sentence, tokens)) Add(start, end, SpanKind.Person);
        foreach (var (start, end) in Places(sentence, tokens)) Add(start, end, SpanKind.Place);
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>The month (1-12) a token names at position <paramref name="i"/> and how many tokens it takes, or null.</summary>
    public static (int Month, int Tokens)? MonthAt(IReadOnlyList<Token> tokens, int i)
    {
        var word = tokens[i].Normalized;
        if (i + 1 < tokens.Count && SpanWords.Month(word, Bare(tokens[i + 1].Normalized)) is { } levantine) return (levantine, 2);
        var month = SpanWords.Month(word) ?? SpanWords.Month(Bare(word));
        if (month is null) return null;
        if (AmbiguousMonths.Contains(word) && !IsDigits(tokens, i - 1) && !IsDigits(tokens, i + 1)) return null;
        return (month.Value, 1);
    }

    private static IEnumerable<(int, int)> Times(string sentence, IReadOnlyList<Token> tokens)
    {
        var core = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Normalized;
            if (MonthAt(tokens, i) is { } m)
            {
                for (var k = 0; k < m.Tokens; k++) core[i + k] = true;
                i += m.Tokens - 1;
            }
            else if (SpanWords.Weekdays.Contains(Bare(word)) || SpanWords.TimeWords.Contains(word) || IsYear(word))
            {
                core[i] = true;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!core[i]) continue;
            var start = i;
            var end = i + 1;
            while (end < tokens.Count && Joined(sentence, tokens, end - 1, end) && (core[end] || IsDigits(tokens, end) || SpanWords.TimeRight.Contains(tokens[end].Normalized))) end++;
            while (start > 0 && Joined(sentence, tokens, start - 1, start)
                   && (IsDay(tokens, start - 1) || SpanWords.TimeLeft.Contains(Bare(tokens[start - 1].Normalized)) || core[start - 1])) start--;
            yield return (start, end);
            i = end - 1;
        }
    }

    private static IEnumerable<(int, int)> Numbers(string sentence, IReadOnlyList<Token> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || !IsNumber(tokens[i].Normalized)) continue;
            var end = i + 1;
            while (end < tokens.Count && !used[end] && Joined(sentence, tokens, end - 1, end) && IsNumber(tokens[end].Normalized)) end++;
            // The counted noun or unit right after the number ("4000 فرد", "30 مسلحا", "three decades").
            // Arabic counts with an indefinite noun; a word with the article after a number starts something else.
            if (end < tokens.Count && !used[end] && Joined(sentence, tokens, end - 1, end) && IsContent(tokens[end]) && !IsNumber(tokens[end].Normalized)
                && !(tokens[end].IsArabic && HasArticle(tokens[end].Normalized))) end++;
            yield return (i, end);
            i = end - 1;
        }
    }

    private static IEnumerable<(int, int)> People(string sentence, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = Bare(tokens[i].Normalized);
            var title = SpanWords.Titles.Contains(word) || SpanWords.Titles.Contains(tokens[i].Normalized);
            var speech = SpanWords.SpeechVerbs.Contains(word) || SpanWords.SpeechVerbs.Contains(tokens[i].Normalized);
            if (!title && !speech) continue;
            var j = i + 1;
            // A role's modifiers stand between it and the name: "وزير الدفاع الأمريكي لويد أوستن", "المتحدث باسم الحشد الشعبي".
            var skipped = 0;
            while (title && j < tokens.Count && skipped < MaxModifierTokens && !HasBreak(sentence, tokens, j - 1, j, allowComma: skipped == 0)
                   && (HasArticle(tokens[j].Normalized) || SpanWords.RoleConnectors.Contains(tokens[j].Normalized) || SpanWords.Titles.Contains(Bare(tokens[j].Normalized))))
            {
                j++;
                skipped++;
            }

            if (j >= tokens.Count || HasBreak(sentence, tokens, j - 1, j, allowComma: true)) continue;
            var end = NameEnd(sentence, tokens, j);
            if (end > j) yield return (j, end);
        }

        // A name set before the role it holds ("إيمانويل سلارس قائد القوات الفرنسية"): the plain words just before a title.
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!tokens[i].IsArabic || !SpanWords.Titles.Contains(Bare(tokens[i].Normalized)) || HasBreak(sentence, tokens, i - 1, i, allowComma: true)) continue;
            var start = i;
            while (start > 0 && i - start < MaxNameTokens && Joined(sentence, tokens, start - 1, start) && IsPlainName(tokens[start - 1])) start--;
            if (start < i && NameEnd(sentence, tokens, start) >= i) yield return (start, i);
        }

        // English prose capitalizes names: a run of two or more capitalized words (joiners such as "al-" inside).
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsCapitalized(sentence, tokens[i]) || SpanWords.Month(tokens[i].Normalized) is not null) continue;
            var end = i + 1;
            while (end < tokens.Count && end - i < MaxNameTokens + 1 && Joined(sentence, tokens, end - 1, end)
                   && (IsCapitalized(sentence, tokens[end]) || (NameJoiners.Contains(tokens[end].Normalized) && end + 1 < tokens.Count && IsCapitalized(sentence, tokens[end + 1])))) end++;
            if (end - i >= 2) yield return (i, end);
            i = end - 1;
        }
    }

    private static bool IsPlainName(Token token) =>
        token.IsArabic && IsContent(token) && !HasArticle(token.Normalized) && !IsNumber(token.Normalized) && !IsTimeOrOrganizationWord(token.Normalized)
        && !SpanWords.Titles.Contains(Bare(token.Normalized)) && !SpanWords.SpeechVerbs.Contains(Bare(token.Normalized)) && !SpanWords.PlacePrepositions.Contains(token.Normalized);

    private static bool IsTimeOrOrganizationWord(string word) =>
        SpanWords.TimeLeft.Contains(word) || SpanWords.TimeWords.Contains(word) || SpanWords.OrganizationNouns.Contains(Bare(word)) || SpanWords.PlaceNouns.Contains(Bare(word));

    // A name: a first word with no article, then more name words (a joiner's partner, a nisba with ال and final ي).
    private static int NameEnd(string sentence, IReadOnlyList<Token> tokens, int start)
    {
        var first = tokens[start].Normalized;
        if (!tokens[start].IsArabic) return start;
        if (!IsContent(tokens[start]) || HasArticle(first) || Complementizers.Contains(first) || (first[0] == 'و' && first.Length > 3) || IsTimeOrOrganizationWord(first) || IsNumber(first) || SpanWords.Titles.Contains(Bare(first)) || SpanWords.SpeechVerbs.Contains(Bare(first))) return start;
        var end = start + 1;
        while (end < tokens.Count && end - start < MaxNameTokens && Joined(sentence, tokens, end - 1, end))
        {
            var word = tokens[end].Normalized;
            var previous = tokens[end - 1].Normalized;
            var joined = NameJoiners.Contains(previous) || word is "الله" or "الرحمن" or "الدين";
            var nisba = word.StartsWith("ال", StringComparison.Ordinal) && word.EndsWith('ي') && word.Length > 4;
            var plain = !HasArticle(word) && IsContent(tokens[end]) && !IsNumber(word) && !SpanWords.SpeechVerbs.Contains(Bare(word)) && !(word[0] == 'و' && word.Length > 3);
            if (!(joined || nisba || plain) || SpanWords.Titles.Contains(Bare(word))) break;
            end++;
            if (nisba) break; // the family name closes the name
        }

        return end;
    }

    private static IEnumerable<(int, int)> Organizations(string sentence, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!SpanWords.OrganizationNouns.Contains(Bare(tokens[i].Normalized)) && !SpanWords.OrganizationNouns.Contains(tokens[i].Normalized)) continue;
            // The name runs on as a genitive chain ("وزارة الداخلية الاتحادية", "حزب الله"); a word joined by و starts a new one.
            var end = i + 1;
            while (end < tokens.Count && end - i <= MaxPlaceTokens && Joined(sentence, tokens, end - 1, end)
                   && (IsOrganizationWord(tokens, end, end == i + 1) || IsConstructBeforeArticle(sentence, tokens, end))) end++;
            if (end > i + 1) yield return (i, end);
            i = end - 1;
        }
    }

    private static bool IsOrganizationWord(IReadOnlyList<Token> tokens, int i, bool first)
    {
        var word = tokens[i].Normalized;
        if (!tokens[i].IsArabic) return IsContent(tokens[i]) || word is "of" or "for";
        if (!IsContent(tokens[i]) || (word[0] == 'و' && word.Length > 3)) return false;
        return first || HasArticle(word) || SpanWords.OrganizationNouns.Contains(word);
    }

    // A word without the article inside a genitive chain, joined to a word with it ("عصائب أهل الحق").
    private static bool IsConstructBeforeArticle(string sentence, IReadOnlyList<Token> tokens, int i) =>
        tokens[i].IsArabic && IsContent(tokens[i]) && tokens[i].Normalized[0] != 'و' && i + 1 < tokens.Count
        && Joined(sentence, tokens, i, i + 1) && HasArticle(tokens[i + 1].Normalized);

    private static IEnumerable<(int, int)> Places(string sentence, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var word = tokens[i].Normalized;
            var noun = SpanWords.PlaceNouns.Contains(Bare(word)) || SpanWords.PlaceNouns.Contains(word);
            if (!noun && !SpanWords.PlacePrepositions.Contains(word)) continue;
            if (!Joined(sentence, tokens, i, i + 1) || !IsContent(tokens[i + 1])) continue;
            // English places are capitalized; an Arabic preposition takes one word, a place noun its whole name.
            if (!tokens[i + 1].IsArabic && !IsCapitalized(sentence, tokens[i + 1])) continue;
            // After a bare preposition, a one-word place ends there ("في العراق،"); a word that runs on into another
            // ("في إطار رد") is a phrase, not a place.
            if (!noun && tokens[i + 1].IsArabic && i + 2 < tokens.Count && Joined(sentence, tokens, i + 1, i + 2) && IsContent(tokens[i + 2])) continue;
            var limit = noun ? MaxPlaceTokens : 1;
            var end = i + 1;
            // The name ends where another place word begins ("قاعدة التاجي شمال بغداد").
            while (end < tokens.Count && end - i <= limit && Joined(sentence, tokens, end - 1, end) && IsContent(tokens[end])
                   && (tokens[end].IsArabic || IsCapitalized(sentence, tokens[end])) && (end == i + 1 || !SpanWords.PlaceNouns.Contains(Bare(tokens[end].Normalized)))) end++;
            yield return (i + 1, end);
        }
    }

    /// <summary>A normalized word without a one-letter conjunction or preposition in front (وقال → قال, بمحافظة → محافظة).</summary>
    public static string Bare(string word) =>
        word.Length >= 4 && word[0] is 'و' or 'ب' or 'ل' or 'ف' or 'ك' && !word.StartsWith("ال", StringComparison.Ordinal) ? word[1..] : word;

    /// <summary>Whether a normalized Arabic word carries the article, alone or after a one-letter prefix (الحشد, والقائد, للقوات).</summary>
    public static bool HasArticle(string word) =>
        word.StartsWith("ال", StringComparison.Ordinal) || word.StartsWith("لل", StringComparison.Ordinal)
        || (word.Length > 3 && word[0] is 'و' or 'ب' or 'ف' or 'ك' && word.AsSpan(1).StartsWith("ال", StringComparison.Ordinal));

    private static bool IsContent(Token token) => TextAnalyzer.AnalyzeToken(token) is not null;

    private static bool IsNumber(string word) =>
        (word.All(char.IsAsciiDigit) && !IsYear(word)) || (NumberWords.Value(word) is not null && word != "one") || CountWords.Contains(word);

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) is >= 1800 and <= 2100;

    private static bool IsDigits(IReadOnlyList<Token> tokens, int i) => i >= 0 && i < tokens.Count && tokens[i].Normalized.All(char.IsAsciiDigit);

    private static bool IsDay(IReadOnlyList<Token> tokens, int i) =>
        IsDigits(tokens, i) && tokens[i].Normalized.Length <= 2 && int.Parse(tokens[i].Normalized, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31;

    private static bool IsCapitalized(string sentence, Token token) => !token.IsArabic && char.IsUpper(sentence[token.Start]) && token.Start > 0;

    // Two tokens belong to one span when only spaces, a slash or a hyphen (or a thousands separator between digits)
    // stand between them; a comma, full stop, colon or bracket ends the span.
    private static bool Joined(string sentence, IReadOnlyList<Token> tokens, int left, int right) => !HasBreak(sentence, tokens, left, right, allowComma: false);

    private static bool HasBreak(string sentence, IReadOnlyList<Token> tokens, int left, int right, bool allowComma)
    {
        var from = tokens[left].Start + tokens[left].Length;
        var gap = sentence.AsSpan(from, Math.Max(0, tokens[right].Start - from));
        var digits = tokens[left].Normalized.All(char.IsAsciiDigit) && tokens[right].Normalized.All(char.IsAsciiDigit);
        foreach (var c in gap)
        {
            if (char.IsWhiteSpace(c) || c is '/' or '-' or '–' or 'ـ') continue;
            if (digits && gap.Length == 1 && c is ',' or '.' or '٬' or '٫' or '،') continue;
            if (allowComma && c is ',' or '،') continue;
            return true;
        }

        return false;
    }
}

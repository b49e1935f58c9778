using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Answering.Kinds;

/// <summary>
/// Finds the stretches of a sentence that name a date or time, a number (with its unit or counted noun), a person, a
/// place or an organization, from the cues news prose writes them with (<see cref="SpanWords"/>): month and weekday
/// names, digits and number words, a title before a name, a place or organization noun before one, capitals in
/// English; and names known without a cue (<see cref="EntityLexicon"/>: mined from the articles, countries and capitals).
/// </summary>
public static class TypedSpanFinder
{
    private const int MaxNameTokens = 4;
    private const int MaxModifierTokens = 8;
    private const int MaxPlaceTokens = 3;
    private const int MaxCalledTokens = 5;

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

    // Nouns of a period that make a date with "last", "next", "الماضي", "المقبل" ("الشهر الجاري", "last month").
    private static readonly HashSet<string> PeriodNouns = new(["يوم", "اليوم", "اسبوع", "الاسبوع", "شهر", "الشهر", "عام", "العام", "سنه", "السنه", "week", "month", "year", "weekend", "summer", "winter", "spring", "autumn"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishDirections = new(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"], StringComparer.Ordinal);

    // English words between a number and what it counts ("2,000 US troops", "8 billion cubic metres").
    private static readonly HashSet<string> EnglishMeasures = new(["cubic", "square", "metric", "us", "american", "iraqi", "british", "french"], StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishRelative = new(["last", "next", "this", "early", "late", "mid"], StringComparer.Ordinal);

    /// <summary>"اسم" before the name an organization or operation is called by ("جماعة تطلق على نفسها اسم …").</summary>
    private static readonly HashSet<string> CalledWords = new(["اسم", "باسم"], StringComparer.Ordinal);

    /// <summary>The typed spans of a sentence, by token position; a token belongs to at most one span.</summary>
    public static List<TypedSpan> Find(string sentence, IReadOnlyList<Token> tokens, EntityLexicon? lexicon = null)
    {
        var spans = new List<TypedSpan>();
        var used = new bool[tokens.Count];
        void Add(int start, int end, SpanKind kind)
        {
            if (end <= start || Enumerable.Range(start, end - start).Any(i => used[i])) return;
            for (var i = start; i < end; i++) used[i] = true;
            spans.Add(new TypedSpan(start, end, kind));
        }

        var known = lexicon ?? EntityLexicon.General;
        foreach (var (start, end) in Times(sentence, tokens)) Add(start, end, SpanKind.Time);
        foreach (var (start, end) in Numbers(sentence, tokens, used)) Add(start, end, SpanKind.Number);
        foreach (var (start, end) in Organizations(sentence, tokens)) Add(start, end, SpanKind.Organization);
        foreach (var (start, end, kind) in Known(sentence, tokens, known)) Add(start, end, kind);
        foreach (var (start, end) in People(sentence, tokens, known)) Add(start, end, SpanKind.Person);
        foreach (var (start, end, kind) in EnglishNames(sentence, tokens)) Add(start, end, kind);
        foreach (var (start, end) in Places(sentence, tokens)) Add(start, end, SpanKind.Place);
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>
    /// The typed spans of a sentence recognized when its article was indexed (<paramref name="stored"/>, by token
    /// position), with the names <paramref name="lexicon"/> knows added where nothing was found: names other articles
    /// introduced.
    /// </summary>
    public static List<TypedSpan> Complete(string sentence, IReadOnlyList<Token> tokens, IReadOnlyList<TypedSpan> stored, EntityLexicon lexicon)
    {
        var used = new bool[tokens.Count];
        foreach (var span in stored) for (var i = span.Start; i < span.End; i++) used[i] = true;
        var spans = new List<TypedSpan>(stored);
        foreach (var (start, end, kind) in Known(sentence, tokens, lexicon))
        {
            if (Enumerable.Range(start, end - start).Any(i => used[i])) continue;
            spans.Add(new TypedSpan(start, end, kind));
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>
    /// The names a sentence introduces by a cue strong enough to learn them from (a title, a place or organization noun,
    /// English capitals beside a title or a place noun): what <see cref="EntityMiner"/> collects. Taken from
    /// <paramref name="general"/>, the sentence's spans with the general names (<see cref="Find"/>'s).
    /// </summary>
    public static List<TypedSpan> FindIntroduced(string sentence, IReadOnlyList<Token> tokens, IReadOnlyList<TypedSpan> general)
    {
        // A name before its title ("يحيى رسول الناطق باسم …") is recognized, but too often a verb ("أعرب المحلل") to learn from.
        var beforeTitles = People(sentence, tokens, EntityLexicon.General, afterTitles: false).ToHashSet();
        return [.. general.Where(s => s.Kind is SpanKind.Person or SpanKind.Place or SpanKind.Organization && !beforeTitles.Contains((s.Start, s.End))
            && !(s.Kind == SpanKind.Place && EntityLexicon.General.Match(tokens, s.Start) is { } known && known.Tokens == s.Length))];
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
            else if (SpanWords.Weekdays.Contains(Bare(word)) || SpanWords.TimeWords.Contains(word) || (IsYear(word) && !CountsSomething(sentence, tokens, i)))
            {
                core[i] = true;
            }
            else if (PeriodNouns.Contains(Bare(word)) && i + 1 < tokens.Count && Joined(sentence, tokens, i, i + 1) && SpanWords.TimeRight.Contains(tokens[i + 1].Normalized))
            {
                core[i] = true; // "الشهر الجاري", "الأسبوع المقبل"
            }
            else if (!tokens[i].IsArabic && EnglishRelative.Contains(word) && i + 1 < tokens.Count && PeriodNouns.Contains(tokens[i + 1].Normalized))
            {
                core[i] = core[i + 1] = true; // "last month", "next week"
                i++;
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!core[i]) continue;
            var start = i;
            var end = i + 1;
            while (end < tokens.Count && Joined(sentence, tokens, end - 1, end) && (core[end] || IsDigits(tokens, end) || SpanWords.TimeRight.Contains(tokens[end].Normalized))) end++;
            while (start > 0 && Joined(sentence, tokens, start - 1, start)
                   && (IsDay(tokens, start - 1) || SpanWords.TimeLeft.Contains(Bare(tokens[start - 1].Normalized)) || core[start - 1]
                       || (!tokens[start - 1].IsArabic && EnglishRelative.Contains(tokens[start - 1].Normalized)))) start--;
            yield return (start, end);
            i = end - 1;
        }
    }

    private static IEnumerable<(int, int)> Numbers(string sentence, IReadOnlyList<Token> tokens, bool[] used)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || !(IsNumber(tokens[i].Normalized) || (IsYear(tokens[i].Normalized) && CountsSomething(sentence, tokens, i)))) continue;
            var end = i + 1;
            while (end < tokens.Count && !used[end] && Joined(sentence, tokens, end - 1, end) && IsNumber(tokens[end].Normalized)) end++;
            // The counted noun or unit right after the number ("4000 فرد", "30 مسلحا", "three decades").
            // Arabic counts with an indefinite noun; a word with the article after a number starts something else.
            if (end < tokens.Count && !used[end] && Joined(sentence, tokens, end - 1, end) && !tokens[end].IsArabic && EnglishMeasures.Contains(tokens[end].Normalized)
                && end + 1 < tokens.Count && Joined(sentence, tokens, end, end + 1) && IsContent(tokens[end + 1])) end++;
            if (end < tokens.Count && !used[end] && Joined(sentence, tokens, end - 1, end) && IsContent(tokens[end]) && !IsNumber(tokens[end].Normalized)
                && !(tokens[end].IsArabic && HasArticle(tokens[end].Normalized))) end++;
            yield return (i, end);
            i = end - 1;
        }
    }

    // Names the lexicon knows, longest first; a name inside a longer capitalized English name is not matched alone.
    private static IEnumerable<(int, int, SpanKind)> Known(string sentence, IReadOnlyList<Token> tokens, EntityLexicon lexicon)
    {
        if (lexicon.Count == 0) yield break;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (lexicon.Match(tokens, i) is not { } match) continue;
            var end = i + match.Tokens;
            if (!Enumerable.Range(i, match.Tokens - 1).All(t => Joined(sentence, tokens, t, t + 1))) continue;
            // Two known parts of one name side by side ("مصطفى" and "الكاظمي") are one person.
            while (match.Kind == SpanKind.Person && end < tokens.Count && end - i < MaxNameTokens && Joined(sentence, tokens, end - 1, end)
                   && lexicon.Match(tokens, end) is { Kind: SpanKind.Person } more && end + more.Tokens - i <= MaxNameTokens) end += more.Tokens;
            yield return (i, end, match.Kind);
            i = end - 1;
        }
    }

    private static IEnumerable<(int, int)> People(string sentence, IReadOnlyList<Token> tokens, EntityLexicon lexicon, bool afterTitles = true)
    {
        for (var i = 0; afterTitles && i < tokens.Count; i++)
        {
            if (!tokens[i].IsArabic) continue;
            var word = Bare(tokens[i].Normalized);
            if (!SpanWords.Titles.Contains(word) && !SpanWords.Titles.Contains(tokens[i].Normalized)) continue;
            var j = i + 1;
            // "محافظ نينوى عبد القادر الحمداني": a governor's title takes the province's name first.
            if (SpanWords.PlaceTitles.Contains(word) && j + 1 < tokens.Count && !HasArticle(tokens[j].Normalized) && Joined(sentence, tokens, i, j)) j++;
            // A role's modifiers stand between it and the name: "وزير الدفاع الأمريكي لويد أوستن", "المتحدث باسم الحشد
            // الشعبي", "قائد عمليات محافظة نينوى اللواء الركن نجم عبد الله الجبوري".
            var skipped = 0;
            while (j < tokens.Count && skipped < MaxModifierTokens && !HasBreak(sentence, tokens, j - 1, j, allowComma: skipped == 0))
            {
                var next = tokens[j].Normalized;
                if (IsPlaceOrOrganizationNoun(next) && j + 1 < tokens.Count && !HasArticle(tokens[j + 1].Normalized))
                {
                    j += 2; // "محافظة نينوى": the noun and its name
                    skipped += 2;
                }
                else if (HasArticle(next) || SpanWords.RoleConnectors.Contains(next) || In(SpanWords.Titles, next) || In(SpanWords.RoleNouns, next)
                         || lexicon.Match(tokens, j) is { Kind: not SpanKind.Person })
                {
                    j += lexicon.Match(tokens, j) is { Kind: not SpanKind.Person } known ? known.Tokens : 1;
                    skipped++;
                }
                else
                {
                    break;
                }
            }

            // "الكولونيل، ديفد ويليامز": a comma may set the name off a bare title; after the title's modifiers it ends the role ("رئيس الوزراء العراقي، بتجديد …").
            if (j >= tokens.Count || HasBreak(sentence, tokens, j - 1, j, allowComma: skipped == 0)) continue;
            if (lexicon.Match(tokens, j) is { Kind: not SpanKind.Person }) continue;
            var end = NameEnd(sentence, tokens, j);
            if (end > j) yield return (j, end);
        }

        // A name set before the role it holds ("إيمانويل سلارس قائد القوات الفرنسية"): the plain words just before a title.
        for (var i = 1; i < tokens.Count; i++)
        {
            if (!tokens[i].IsArabic || !SpanWords.Titles.Contains(Bare(tokens[i].Normalized)) || HasBreak(sentence, tokens, i - 1, i, allowComma: true)) continue;
            var start = i;
            while (start > 0 && i - start < MaxNameTokens && Joined(sentence, tokens, start - 1, start) && IsPlainName(tokens[start - 1]))
            {
                start--;
                if (NameJoiners.Contains(tokens[start].Normalized)) break; // "ابو تقوى": the name starts at its joiner
            }

            // "محافظة نينوى اللواء …": a word that completes a place or organization noun is its name, not a person's;
            // one word alone before a title is most often the sentence's verb ("أعرب المحلل", "استقبل الرئيس").
            if (start > 0 && IsPlaceOrOrganizationNoun(tokens[start - 1].Normalized) && !NameJoiners.Contains(tokens[start].Normalized)) continue;
            if (lexicon.Match(tokens, start) is { Kind: not SpanKind.Person }) continue;
            if (i - start < 2 && lexicon.Match(tokens, start) is not { Kind: SpanKind.Person }) continue;
            if (start < i && NameEnd(sentence, tokens, start) >= i) yield return (start, i);
        }
    }

    // English prose capitalizes names: a run of capitalized words (joiners such as "al-" inside) is a person after a
    // title or beside a verb of saying, a place after "in"/"at"/"near" or before "province"/"base", an organization
    // when it holds an organization's word ("Higher Military Commission"); titles at its start are not part of a name.
    private static IEnumerable<(int, int, SpanKind)> EnglishNames(string sentence, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsCapitalizedOrFirst(sentence, tokens, i) || SpanWords.Month(tokens[i].Normalized) is not null || SpanWords.Weekdays.Contains(tokens[i].Normalized)) continue;
            var end = i + 1;
            while (end < tokens.Count && end - i < MaxNameTokens + 3 && Joined(sentence, tokens, end - 1, end)
                   && (IsCapitalized(sentence, tokens[end]) || (IsJoinerBeforeCapital(sentence, tokens, end))))
            {
                end++;
            }

            var start = i;
            if (tokens[start].Normalized is "the" or "a" or "an") start++;
            var titled = start > 0 && SpanWords.Titles.Contains(tokens[start - 1].Normalized);
            while (start < end && SpanWords.Titles.Contains(tokens[start].Normalized))
            {
                start++;
                titled = true;
            }

            var run = (From: start, To: end);
            i = end - 1;
            if (run.From >= run.To) continue;
            var isFirst = tokens[run.From].Start == 0 || !IsCapitalized(sentence, tokens[run.From]);
            if (Enumerable.Range(run.From, run.To - run.From).Any(t => SpanWords.EnglishOrganizationWords.Contains(tokens[t].Normalized)))
            {
                yield return (run.From, run.To, SpanKind.Organization);
                continue;
            }

            var before = run.From > 0 ? tokens[run.From - 1].Normalized : string.Empty;
            var after = run.To < tokens.Count ? tokens[run.To].Normalized : string.Empty;
            var afterNext = run.To + 1 < tokens.Count ? tokens[run.To + 1].Normalized : string.Empty;
            if (SpanWords.PlaceNounsAfter.Contains(after) || (after == "air" && afterNext == "base") || (run.To - run.From > 1 && SpanWords.PlaceNounsAfter.Contains(tokens[run.To - 1].Normalized))
                || (before is "in" or "at" or "near" or "from" && !titled)
                || (before == "of" && run.From > 1 && (SpanWords.PlaceNounsAfter.Contains(tokens[run.From - 2].Normalized) || EnglishDirections.Contains(tokens[run.From - 2].Normalized))))
            {
                if (!isFirst || tokens[run.From].Start > 0) yield return (run.From, run.To, SpanKind.Place);
                continue;
            }

            var speaking = SpanWords.SpeechVerbs.Contains(after) || SpanWords.SpeechVerbs.Contains(before);
            if ((titled || speaking) && !(isFirst && run.To - run.From == 1 && !titled)) yield return (run.From, run.To, SpanKind.Person);
        }
    }

    private static bool IsJoinerBeforeCapital(string sentence, IReadOnlyList<Token> tokens, int i) =>
        NameJoiners.Contains(tokens[i].Normalized) && i + 1 < tokens.Count && IsCapitalized(sentence, tokens[i + 1]);

    // A word of the set as written or without its one-letter prefix ("بلدية" is not "ب" + "لدية", "وزارة" is "و" + "زارة" only when that is a word of the set).
    private static bool In(HashSet<string> set, string word) => set.Contains(word) || set.Contains(Bare(word));

    /// <summary>Whether a word is one of <see cref="SpanWords.FunctionPhrases"/>, with or without a one-letter prefix.</summary>
    public static bool IsFunctionWord(string word) => SpanWords.FunctionPhrases.Contains(word) || SpanWords.FunctionPhrases.Contains(Bare(word));

    private static bool IsPlainName(Token token) =>
        token.IsArabic && IsContent(token) && !HasArticle(token.Normalized) && !IsNumber(token.Normalized) && !IsTimeOrOrganizationWord(token.Normalized)
        && !SpanWords.Titles.Contains(Bare(token.Normalized)) && !SpanWords.SpeechVerbs.Contains(Bare(token.Normalized)) && !SpanWords.PlacePrepositions.Contains(token.Normalized)
        && !IsFunctionWord(token.Normalized) && !SpanWords.Nationalities.Contains(token.Normalized);

    private static bool IsTimeOrOrganizationWord(string word) =>
        SpanWords.TimeLeft.Contains(word) || SpanWords.TimeWords.Contains(word) || IsPlaceOrOrganizationNoun(word) || In(SpanWords.RoleNouns, word);

    private static bool IsPlaceOrOrganizationNoun(string word) =>
        SpanWords.OrganizationNouns.Contains(Bare(word)) || SpanWords.PlaceNouns.Contains(Bare(word)) || SpanWords.OrganizationNouns.Contains(word) || SpanWords.PlaceNouns.Contains(word);

    // A name: a first word with no article, then more name words (a joiner's partner, a nisba with ال and final ي).
    private static int NameEnd(string sentence, IReadOnlyList<Token> tokens, int start)
    {
        var first = tokens[start].Normalized;
        if (!tokens[start].IsArabic) return start;
        if (!(IsContent(tokens[start]) || IsAli(sentence, tokens[start])) || HasArticle(first) || Complementizers.Contains(first) || IsConjoined(first) || IsTimeOrOrganizationWord(first)
            || IsNumber(first) || SpanWords.Titles.Contains(Bare(first)) || SpanWords.SpeechVerbs.Contains(Bare(first)) || IsFunctionWord(first)
            || (IsImperfectVerb(tokens[start]) && first.Length >= 5) || SpanWords.Nationalities.Contains(first) || IsPrepositionalNoun(first)) return start;
        var end = start + 1;
        while (end < tokens.Count && end - start < MaxNameTokens && Joined(sentence, tokens, end - 1, end))
        {
            var word = tokens[end].Normalized;
            var previous = tokens[end - 1].Normalized;
            var joined = NameJoiners.Contains(previous) || word is "الله" or "الرحمن" or "الدين";
            // A family name with the article: a nisba ("العبادي"), or after a one-word first name, one that ends the
            // phrase ("علي البيدر عن …").
            var nisba = word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 4
                && (word.EndsWith('ي') || (end == start + 1 && !word.EndsWith('ه') && !IsTimeOrOrganizationWord(word[2..]) && !SpanWords.Titles.Contains(word)
                    && (end + 1 >= tokens.Count || !Joined(sentence, tokens, end, end + 1) || !IsContent(tokens[end + 1]))));
            // A word joined by و usually starts the next phrase; a long one may be a name ("ويليامز"). One with a
            // preposition's ل ("لتقريب") is a phrase of its own.
            var plain = !HasArticle(word) && IsContent(tokens[end]) && !IsNumber(word) && !SpanWords.SpeechVerbs.Contains(Bare(word)) && !IsConjoined(word)
                        && !(word[0] == 'ل' && word.Length >= 5) && !IsTimeOrOrganizationWord(word) && !IsFunctionWord(word) && !SpanWords.Nationalities.Contains(word);
            if (!(joined || nisba || plain) || SpanWords.Titles.Contains(Bare(word))) break;
            end++;
            if (nisba) break; // the family name closes the name
        }

        return end;
    }

    // "بتجديد", "لدراسات", "بإنهاء": a preposition before a verbal noun, not a name's first word ("برهم", "لويد" are short).
    private static bool IsPrepositionalNoun(string word) =>
        word.Length >= 5 && word[0] is 'ب' or 'ل' && (word[1] is 'ت' or 'ا' or 'م' || word[0] == 'ل');

    // The name علي is written as the preposition على is normalized; its final ي tells it apart.
    private static bool IsAli(string sentence, Token token) => token.Normalized == "علي" && sentence[token.Start + token.Length - 1] == 'ي';

    // "وقال", "والتقى": a conjunction before a word; a long word that starts with و and not وال may be a name ("ويليامز").
    private static bool IsConjoined(string word) => word[0] == 'و' && word.Length > 3 && (word.Length < 6 || word.StartsWith("وال", StringComparison.Ordinal));

    /// <summary>Whether an Arabic word looks like an imperfect verb (يقول، تطلق): a name rarely starts so.</summary>
    public static bool IsImperfectVerb(Token token) =>
        token.IsArabic && token.Normalized.Length >= 4 && token.Normalized[0] is 'ي' or 'ت' && !token.Normalized.EndsWith('ه') && !HasArticle(token.Normalized);

    private static IEnumerable<(int, int)> Organizations(string sentence, IReadOnlyList<Token> tokens)
    {
        var lastNoun = -MaxCalledTokens - 1;
        for (var i = 0; i < tokens.Count; i++)
        {
            // "جماعة تطلق على نفسها اسم المقاومة الإسلامية في العراق": the name after "اسم" is the organization's.
            if (tokens[i].IsArabic && CalledWords.Contains(tokens[i].Normalized) && i - lastNoun <= MaxCalledTokens && i + 1 < tokens.Count && Joined(sentence, tokens, i, i + 1))
            {
                var end = i + 1;
                // The name's first word may be a construct noun ("سرايا الفجر"); then words with the article, or "في" and a place.
                while (end < tokens.Count && end - i <= MaxCalledTokens && Joined(sentence, tokens, end - 1, end)
                       && ((end == i + 1 && IsContent(tokens[end]) && !IsImperfectVerb(tokens[end])) || HasArticle(tokens[end].Normalized)
                           || (tokens[end].Normalized == "في" && end + 1 < tokens.Count && end > i + 1))) end++;
                if (end > i + 1 && tokens[end - 1].Normalized != "في") yield return (i + 1, end);
                i = end - 1;
                continue;
            }

            // English names organizations with capitals (EnglishNames); "the ministry plans" is none.
            if (!tokens[i].IsArabic || !In(SpanWords.OrganizationNouns, tokens[i].Normalized)) continue;
            lastNoun = i;
            // "قوات أجنبية", "وزارة جديدة": a descriptive noun names an organization only with a definite complement.
            var naming = SpanWords.NamingOrganizationNouns.Contains(Bare(tokens[i].Normalized));
            if (tokens[i].IsArabic && !naming && i + 1 < tokens.Count && tokens[i + 1].IsArabic && !HasArticle(tokens[i + 1].Normalized) && !IsConstructBeforeArticle(sentence, tokens, i + 1)) continue;
            // The name runs on as a genitive chain ("وزارة الداخلية الاتحادية", "حزب الله"); a word joined by و starts a new one.
            var last = i + 1;
            while (last < tokens.Count && last - i <= MaxPlaceTokens && Joined(sentence, tokens, last - 1, last) && !SpanWords.Titles.Contains(Bare(tokens[last].Normalized))
                   && (IsOrganizationWord(tokens, last, last == i + 1) || (!HasArticle(tokens[last - 1].Normalized) && IsConstructBeforeArticle(sentence, tokens, last)))) last++;
            if (last > i + 1) yield return (i, last);
            i = last - 1;
        }
    }

    private static bool IsOrganizationWord(IReadOnlyList<Token> tokens, int i, bool first)
    {
        var word = tokens[i].Normalized;
        if (!tokens[i].IsArabic) return IsContent(tokens[i]) || word is "of" or "for";
        if (!IsContent(tokens[i]) || (word[0] == 'و' && word.Length > 3) || IsImperfectVerb(tokens[i]) || IsFunctionWord(word) || word.StartsWith("لل", StringComparison.Ordinal)) return false;
        return first || HasArticle(word) || SpanWords.OrganizationNouns.Contains(word);
    }

    // A word without the article inside a genitive chain, joined to a word with it ("عصائب أهل الحق").
    // A feminine adjective or participle ("مقتصرة الآن", "خاصة للتحالف") is no part of a name.
    private static bool IsConstructBeforeArticle(string sentence, IReadOnlyList<Token> tokens, int i) =>
        tokens[i].IsArabic && IsContent(tokens[i]) && tokens[i].Normalized[0] != 'و' && !HasArticle(tokens[i].Normalized) && !tokens[i].Normalized.EndsWith('ه')
        && i + 1 < tokens.Count && Joined(sentence, tokens, i, i + 1) && tokens[i + 1].Normalized.StartsWith("ال", StringComparison.Ordinal);

    // A place after its noun ("محافظة الأنبار", "قاعدة عين الأسد"), after "قرب" (near) when no article follows, and in
    // English a capitalized word after "in"/"at"/"near". A bare "في" introduces too much that is no place ("في الجبال",
    // "في تغريدة"): a place after it is recognized only when the articles name it as one elsewhere (the lexicon).
    private static IEnumerable<(int, int)> Places(string sentence, IReadOnlyList<Token> tokens)
    {
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var word = tokens[i].Normalized;
            var noun = SpanWords.PlaceNouns.Contains(Bare(word)) || SpanWords.PlaceNouns.Contains(word);
            var near = tokens[i].IsArabic && Bare(word) == "قرب" && !HasArticle(tokens[i + 1].Normalized);
            var english = !tokens[i].IsArabic && SpanWords.PlacePrepositions.Contains(word);
            if (!noun && !near && !english) continue;
            if (!Joined(sentence, tokens, i, i + 1) || !IsContent(tokens[i + 1])) continue;
            if (!tokens[i + 1].IsArabic && !IsCapitalized(sentence, tokens[i + 1])) continue;
            if (tokens[i + 1].IsArabic != tokens[i].IsArabic && !noun) continue;
            var next = tokens[i + 1].Normalized;
            // "قرب قاعدة عين الأسد": the noun after "قرب" introduces the place itself.
            if (near && (SpanWords.PlaceNouns.Contains(Bare(next)) || IsPlaceOrOrganizationNoun(next))) continue;
            // "جبل قرب مخمور", "قاعدة عسكرية": a preposition or an adjective after the noun is no name.
            if (tokens[i + 1].IsArabic && (SpanWords.PlacePrepositions.Contains(next) || Bare(next) == "قرب"
                || (!HasArticle(next) && (next.EndsWith("يه", StringComparison.Ordinal) || SpanWords.Nationalities.Contains(next))))) continue;
            // A direction or a generic noun after the place noun is no name ("شمال البلاد", "المنطقة الجنوبية"); a
            // direction names a place only with a known one ("شمال بغداد"), which the lexicon already found.
            if (noun && tokens[i + 1].IsArabic && (SpanWords.PlaceNouns.Contains(Bare(tokens[i + 1].Normalized)) || IsGenericPlaceWord(tokens[i + 1].Normalized))) continue;
            if (tokens[i].IsArabic && SpanWords.Directions.Contains(Bare(word))) continue;
            if (IsImperfectVerb(tokens[i + 1]) || IsConjoined(next) && tokens[i + 1].IsArabic) continue;
            var limit = noun ? MaxPlaceTokens : 2;
            var end = i + 1;
            // The name ends where another place word begins ("قاعدة التاجي شمال بغداد").
            while (end < tokens.Count && end - i <= limit && Joined(sentence, tokens, end - 1, end) && IsContent(tokens[end])
                   && (tokens[end].IsArabic ? end == i + 1 || IsNameContinuation(tokens[end]) : IsCapitalized(sentence, tokens[end]) || IsJoinerBeforeCapital(sentence, tokens, end))
                   && (end == i + 1 || !SpanWords.PlaceNouns.Contains(Bare(tokens[end].Normalized)))) end++;
            yield return (i + 1, end);
        }
    }

    // After a place's first word, more words of its name: "عين الأسد", not an adjective of the place noun ("العسكرية").
    private static bool IsNameContinuation(Token token) =>
        token.Normalized.StartsWith("ال", StringComparison.Ordinal) && !token.Normalized.EndsWith('ه') && !IsFunctionWord(token.Normalized)
        && !SpanWords.Titles.Contains(Bare(token.Normalized));

    // Words that follow a place noun without naming a place: "البلاد" (the country), "المنطقة", demonstratives.
    private static bool IsGenericPlaceWord(string word) =>
        word is "البلاد" or "البلد" or "المنطقه" or "المدينه" or "المحافظه" or "الاقليم" or "القاعده" or "هذه" or "هذا" or "تلك" or "نفسها" or "نفسه" or "واحده";

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

    // "2000 جندي", "1,900 troops": a year-like number followed by the indefinite noun it counts is a count, not a year.
    private static bool CountsSomething(string sentence, IReadOnlyList<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !Joined(sentence, tokens, i, i + 1)) return false;
        var next = tokens[i + 1];
        var word = next.Normalized;
        return IsContent(next) && !(next.IsArabic && HasArticle(word)) && MonthAt(tokens, i + 1) is null && !SpanWords.TimeRight.Contains(word)
            && !SpanWords.Weekdays.Contains(Bare(word)) && !IsNumber(word) && !word.All(char.IsAsciiDigit) && !PeriodNouns.Contains(word)
            && (next.IsArabic || !char.IsUpper(sentence[next.Start]));
    }

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) is >= 1800 and <= 2100;

    private static bool IsDigits(IReadOnlyList<Token> tokens, int i) => i >= 0 && i < tokens.Count && tokens[i].Normalized.All(char.IsAsciiDigit);

    private static bool IsDay(IReadOnlyList<Token> tokens, int i) =>
        IsDigits(tokens, i) && tokens[i].Normalized.Length <= 2 && int.Parse(tokens[i].Normalized, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31;

    private static bool IsCapitalized(string sentence, Token token) => !token.IsArabic && char.IsUpper(sentence[token.Start]) && token.Start > 0;

    // The first word of an English sentence is capitalized whatever it is; it may still open a name.
    private static bool IsCapitalizedOrFirst(string sentence, IReadOnlyList<Token> tokens, int i) =>
        !tokens[i].IsArabic && char.IsUpper(sentence[tokens[i].Start]) && (tokens[i].Start > 0 || (i + 1 < tokens.Count && IsCapitalized(sentence, tokens[i + 1])));

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

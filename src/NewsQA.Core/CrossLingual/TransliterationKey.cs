using System.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// A consonant skeleton that a name keeps across scripts: Sudani, al-Sudani and السوداني all become "SDN"; McKenzie and
/// ماكنزي "MKNS". Letters map to sound classes that Arabic and Latin transcriptions share (ت ط ث / t th → T; س ص ش ز / s sh z → S (English plural s is said, and often written in Arabic, as ز);
/// ك ق خ / k c q kh → K; ج غ / j g gh → J; د ض ذ ظ / d dh → D; ح ه / h → H); vowels, the semi-vowels w/y/و/ي, ع and hamza,
/// which transcriptions add or drop freely, are left out, and repeated classes collapse.
/// </summary>
public static class TransliterationKey
{
    /// <summary>The key of a lower-case Latin word.</summary>
    public static string FromLatin(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length > 1 && w[^1] == 'h') w = w[..^1]; // Fatimah, Allah: a final h writes a vowel or ة
        var key = new StringBuilder();
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            char? cls;
            if (next == 'h' && c is 's' or 'k' or 'g' or 't' or 'd' or 'c' or 'p' or 'z')
            {
                cls = c switch { 's' or 'c' => 'S', 'k' => 'K', 'g' => 'J', 't' => 'T', 'd' or 'z' => 'D', _ => 'F' };
                i++;
            }
            else
            {
                cls = c switch
                {
                    'b' or 'p' => 'B',
                    't' => 'T',
                    'j' or 'g' => 'J',
                    'h' => 'H',
                    'k' or 'q' => 'K',
                    'c' => next is 'e' or 'i' or 'y' ? 'S' : 'K',
                    'x' => 'K',
                    'd' => 'D',
                    'r' => 'R',
                    'z' or 's' => 'S',
                    'f' or 'v' => 'F',
                    'l' => 'L',
                    'm' => 'M',
                    'n' => 'N',
                    _ => null,
                };
            }

            Append(key, cls);
            if (c == 'x') Append(key, 'S');
        }

        return key.ToString();
    }

    /// <summary>The key of a normalized Arabic word (or stem); a leading article is ignored.</summary>
    public static string FromArabic(string word)
    {
        var w = word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 4 ? word[2..] : word;
        if (w.Length > 1 && w[^1] == 'ه') w = w[..^1]; // ة, normalized to ه, is a vowel ending
        var key = new StringBuilder();
        foreach (var c in w)
        {
            Append(key, c switch
            {
                'ب' or 'پ' => 'B',
                'ت' or 'ط' or 'ث' => 'T',
                'ج' or 'غ' or 'گ' => 'J',
                'ح' or 'ه' => 'H',
                'خ' or 'ك' or 'ق' or 'ک' => 'K',
                'د' or 'ض' or 'ذ' or 'ظ' => 'D',
                'ر' => 'R',
                'ز' => 'S',
                'س' or 'ص' or 'ش' => 'S',
                'ف' or 'ڤ' => 'F',
                'ل' => 'L',
                'م' => 'M',
                'ن' => 'N',
                _ => (char?)null,
            });
        }

        return key.ToString();
    }

    /// <summary>
    /// The key with vowel slots kept ("V" for a run of vowels, semi-vowels, ع or hamza): Tesla "TVSLV", تسلا "TSLV".
    /// Candidates that share a key are ranked by the edit distance between their shapes.
    /// </summary>
    public static string ShapeFromLatin(string word) => Shape(word.ToLowerInvariant(), c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y', FromLatin);

    /// <summary>The vowel-slot shape of a normalized Arabic word; see <see cref="ShapeFromLatin"/>.</summary>
    public static string ShapeFromArabic(string word) =>
        Shape(word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 4 ? word[2..] : word, c => c is 'ا' or 'و' or 'ي' or 'ى' or 'ع' or 'ء' or 'ئ' or 'ؤ', FromArabic);

    /// <summary>
    /// The shape with finer letter classes, for ranking candidates whose keys and shapes agree: s is closer to س than to
    /// ز, sh to ش, th to ث, kh to خ (Sayyid → سيد before زياد). Letters Arabic has twice for one Latin sound (س ص, ت ط,
    /// د ض, ذ ظ, ه ح) stay together.
    /// </summary>
    public static string FineShapeFromLatin(string word)
    {
        var w = word.ToLowerInvariant();
        var shape = new StringBuilder();
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var next = i + 1 < w.Length ? w[i + 1] : '\0';
            string fine;
            if (next == 'h' && c is 's' or 't' or 'k' or 'g' or 'd')
            {
                fine = c switch { 's' => "ش", 't' => "ث", 'k' => "خ", 'g' => "غ", _ => "ذ" };
                i++;
            }
            else
            {
                fine = c switch
                {
                    'a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y' => "V",
                    's' => "س", 'z' => "ز", 't' => "ت", 'd' => "د", 'k' => "ك", 'q' => "ق", 'g' or 'j' => "ج", 'h' => "ه",
                    'c' => next is 'e' or 'i' or 'y' ? "س" : "ك", 'b' or 'p' => "ب", 'f' or 'v' => "ف", 'l' => "ل", 'm' => "م",
                    'n' => "ن", 'r' => "ر", 'x' => "كس",
                    _ => "",
                };
            }

            AppendFine(shape, fine);
        }

        return shape.ToString();
    }

    /// <summary>The finer shape of a normalized Arabic word; see <see cref="FineShapeFromLatin"/>.</summary>
    public static string FineShapeFromArabic(string word)
    {
        var w = word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 4 ? word[2..] : word;
        var shape = new StringBuilder();
        foreach (var c in w)
        {
            AppendFine(shape, c switch
            {
                'ا' or 'و' or 'ي' or 'ى' or 'ع' or 'ء' or 'ئ' or 'ؤ' or 'أ' or 'إ' or 'آ' => "V",
                'ص' => "س", 'ط' => "ت", 'ض' => "د", 'ظ' => "ذ", 'ح' or 'ة' => "ه",
                _ => c.ToString(),
            });
        }

        return shape.ToString();
    }

    private static void AppendFine(StringBuilder shape, string fine)
    {
        foreach (var c in fine)
        {
            if (shape.Length == 0 || shape[^1] != c) shape.Append(c);
        }
    }

    /// <summary>Levenshtein distance between two shapes.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string Shape(string word, Func<char, bool> isVowel, Func<string, string> consonants)
    {
        var shape = new StringBuilder();
        foreach (var c in word)
        {
            if (isVowel(c))
            {
                if (shape.Length == 0 || shape[^1] != 'V') shape.Append('V');
                continue;
            }

            var key = consonants(c.ToString());
            if (key.Length > 0 && (shape.Length == 0 || shape[^1] != key[0])) shape.Append(key[0]);
        }

        return shape.ToString();
    }

    private static void Append(StringBuilder key, char? cls)
    {
        if (cls is { } c && (key.Length == 0 || key[^1] != c)) key.Append(c);
    }
}

using System.Text;
using NewsQA.Core.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// Writes an Arabic name in Latin letters the way English-language news spells Arabic names (كريم النوري → Karim
/// al-Nouri, برهم صالح → Barham Salih, حيدر العبادي → Haydar al-Abadi): the article as "al-", each letter by the
/// common news transcription (ش sh, خ kh, ث th, ع left out beside a vowel), و and ي between consonants as the long
/// vowels ou and i, and the short vowels the script leaves out guessed from the word's shape (the active participle's
/// CāCiC: Khalid, Qasim; "a" elsewhere). A general rule, not a list of names: unusual or foreign names come out
/// approximate, which is why the answer marks the result as a transliteration and shows the Arabic beside it.
/// </summary>
public static class ArabicRomanizer
{
    private static readonly Dictionary<char, string> Consonants = new()
    {
        ['ب'] = "b", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r",
        ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z", ['ع'] = "'", ['غ'] = "gh",
        ['ف'] = "f", ['ق'] = "q", ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n", ['ه'] = "h", ['ء'] = "'", ['ئ'] = "'",
        ['ؤ'] = "'", ['پ'] = "p", ['چ'] = "ch", ['ڤ'] = "v", ['گ'] = "g", ['ک'] = "k",
    };

    /// <summary>A run of Arabic words (a name) in Latin letters; a word that is not Arabic stays as it is.</summary>
    public static string Romanize(string name)
    {
        var words = name.Split((char[])[' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Select(Clean).Where(w => w.Length > 0).ToList();
        var output = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // عبد joins the next word: عبد الله → Abdullah, عبد الأمير → Abdul Amir.
            if (word == "عبد" && i + 1 < words.Count)
            {
                var next = words[++i];
                output.Add(next == "الله" ? "Abdullah" : "Abdul " + Capitalize(Word(StripArticle(next))));
                continue;
            }

            output.Add(word switch
            {
                "ابو" or "أبو" => "Abu",
                "بن" or "ابن" => "bin",
                _ when word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 3 => "al-" + Capitalize(Word(word[2..])),
                _ => Capitalize(Word(word)),
            });
        }

        return string.Join(' ', output);
    }

    private static string StripArticle(string word) => word.StartsWith("ال", StringComparison.Ordinal) && word.Length > 3 ? word[2..] : word;

    // One word without its article, letter by letter: consonants, and the long vowels ا و ي ى ة, with short vowels put
    // where a syllable needs one.
    private static string Word(string word)
    {
        if (!word.Any(ArabicNormalizer.IsArabicLetter)) return word;
        var units = new List<(bool Vowel, string Latin)>();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var first = i == 0;
            var last = i == word.Length - 1;
            var afterVowel = units.Count > 0 && units[^1].Vowel;
            var nextIsVowelLetter = !last && word[i + 1] is 'ا' or 'ى' or 'و' or 'ي';
            switch (c)
            {
                case 'ا' or 'آ' or 'ى':
                    units.Add((true, "a"));
                    break;
                case 'أ':
                    units.Add((true, "a"));
                    break;
                case 'إ':
                    units.Add((true, "i"));
                    break;
                case 'ة' when last:
                    units.Add((true, "a"));
                    break;
                case 'و':
                    if (first || afterVowel || nextIsVowelLetter) units.Add((false, "w"));
                    else units.Add((true, last ? "u" : "ou"));
                    break;
                case 'ي':
                    if (first || afterVowel || nextIsVowelLetter) units.Add((false, "y"));
                    // Right after a word's first consonant, before another, ي is the diphthong: Haydar, Zaydan.
                    else if (units.Count == 1 && !last) units.Add((true, "ay"));
                    else units.Add((true, "i"));
                    break;
                case 'ع' when first || afterVowel || last:
                    units.Add((false, string.Empty)); // an ayn beside a vowel is not written in news transcription
                    break;
                default:
                    if (Consonants.TryGetValue(c, out var latin)) units.Add((false, latin));
                    break;
            }
        }

        return Vocalize(units);
    }

    // Arabic script leaves short vowels out: a consonant followed by another gets one when it opens the word (Karim,
    // Barham) and before a word's last consonant (Haydar), "i" after a long "a" there (Khalid, Salih, Qasim).
    private static string Vocalize(List<(bool Vowel, string Latin)> units)
    {
        var builder = new StringBuilder();
        var consonantRun = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var (vowel, latin) = units[i];
            if (vowel)
            {
                builder.Append(latin);
                consonantRun = 0;
                continue;
            }

            var next = i + 1 < units.Count ? units[i + 1] : ((bool, string)?)null;
            builder.Append(latin);
            consonantRun++;
            if (next is not { } n || n.Item1) continue;
            var opensWord = i == 0 || (i == 1 && units[0].Latin.Length == 0);
            var beforeLast = i + 2 == units.Count;
            if (opensWord || consonantRun >= 2) builder.Append('a');
            else if (beforeLast) builder.Append(i >= 2 && units[i - 1] is (true, "a") && !units[i - 2].Vowel ? 'i' : 'a');
            if (opensWord || consonantRun >= 2 || beforeLast) consonantRun = 0;
        }

        return builder.ToString().Replace("''", "'", StringComparison.Ordinal).Trim('\'');
    }

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Clean(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (ArabicNormalizer.IsDiacritic(c) || c == '\u0640') continue;
            if (char.IsLetterOrDigit(c)) builder.Append(c);
        }

        return builder.ToString();
    }
}

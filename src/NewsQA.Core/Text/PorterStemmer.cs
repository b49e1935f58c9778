namespace NewsQA.Core.Text;

/// <summary>
/// M. F. Porter's suffix-stripping algorithm (Program 14(3), 1980), the reference English stemmer for retrieval.
/// Input is one lower-case word of ASCII letters; anything else is returned unchanged.
/// </summary>
public static class PorterStemmer
{
    /// <summary>Stems one lower-case English word.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2 || !word.All(char.IsAsciiLetterLower))
        {
            return word;
        }

        var w = new Word(word.ToCharArray());
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(char[] letters)
    {
        private int _end = letters.Length; // exclusive end of the current word

        public override string ToString() => new(letters, 0, _end);

        private bool IsConsonant(int i) => letters[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        // m(): the number of vowel-consonant sequences in letters[0..stemEnd).
        private int Measure(int stemEnd)
        {
            var n = 0;
            var i = 0;
            while (i < stemEnd && IsConsonant(i)) i++;
            while (i < stemEnd)
            {
                while (i < stemEnd && !IsConsonant(i)) i++;
                if (i >= stemEnd) break;
                n++;
                while (i < stemEnd && IsConsonant(i)) i++;
            }

            return n;
        }

        private bool HasVowel(int stemEnd)
        {
            for (var i = 0; i < stemEnd; i++)
            {
                if (!IsConsonant(i)) return true;
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int stemEnd) =>
            stemEnd >= 2 && letters[stemEnd - 1] == letters[stemEnd - 2] && IsConsonant(stemEnd - 1);

        // *o: stem ends consonant-vowel-consonant, the last not w, x or y.
        private bool EndsCvc(int stemEnd) =>
            stemEnd >= 3 && IsConsonant(stemEnd - 3) && !IsConsonant(stemEnd - 2) && IsConsonant(stemEnd - 1)
            && letters[stemEnd - 1] is not ('w' or 'x' or 'y');

        private bool EndsWith(string suffix)
        {
            if (suffix.Length > _end) return false;
            for (var i = 0; i < suffix.Length; i++)
            {
                if (letters[_end - suffix.Length + i] != suffix[i]) return false;
            }

            return true;
        }

        private void SetEnding(int stemEnd, string replacement)
        {
            replacement.CopyTo(0, letters, stemEnd, replacement.Length);
            _end = stemEnd + replacement.Length;
        }

        // Replaces suffix by replacement when the stem before it has m() > minMeasure. Returns whether suffix matched.
        private bool ReplaceIfMeasure(string suffix, string replacement, int minMeasure)
        {
            if (!EndsWith(suffix)) return false;
            var stemEnd = _end - suffix.Length;
            if (Measure(stemEnd) > minMeasure) SetEnding(stemEnd, replacement);
            return true;
        }

        public void Step1A()
        {
            if (EndsWith("sses")) _end -= 2;
            else if (EndsWith("ies")) _end -= 2;
            else if (EndsWith("ss")) { }
            else if (EndsWith("s")) _end -= 1;
        }

        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure(_end - 3) > 0) _end -= 1;
                return;
            }

            int stemEnd;
            if (EndsWith("ed") && HasVowel(_end - 2)) stemEnd = _end - 2;
            else if (EndsWith("ing") && HasVowel(_end - 3)) stemEnd = _end - 3;
            else return;

            _end = stemEnd;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz")) SetEnding(_end, "e");
            else if (EndsWithDoubleConsonant(_end) && letters[_end - 1] is not ('l' or 's' or 'z')) _end -= 1;
            else if (Measure(_end) == 1 && EndsCvc(_end)) SetEnding(_end, "e");
        }

        public void Step1C()
        {
            if (EndsWith("y") && HasVowel(_end - 1)) letters[_end - 1] = 'i';
        }

        // Each list is kept longest suffix first so that "ational" wins over "tional" and "ement" over "ment".
        private static readonly (string Suffix, string Replacement)[] Step2Rules = LongestFirst(
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ]);

        private static readonly (string Suffix, string Replacement)[] Step3Rules = LongestFirst(
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ]);

        private static readonly string[] Step4Suffixes =
        [.. new[]
        {
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        }.OrderByDescending(s => s.Length)];

        private static (string Suffix, string Replacement)[] LongestFirst((string Suffix, string Replacement)[] rules) =>
            [.. rules.OrderByDescending(r => r.Suffix.Length)];

        public void Step2() => ApplyFirstMatching(Step2Rules);

        public void Step3() => ApplyFirstMatching(Step3Rules);

        private void ApplyFirstMatching((string Suffix, string Replacement)[] rules)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (ReplaceIfMeasure(suffix, replacement, 0)) return;
            }
        }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix)) continue;
                var stemEnd = _end - suffix.Length;
                var allowed = suffix != "ion" || (stemEnd > 0 && letters[stemEnd - 1] is 's' or 't');
                if (allowed && Measure(stemEnd) > 1) _end = stemEnd;
                return;
            }
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var m = Measure(_end - 1);
                if (m > 1 || (m == 1 && !EndsCvc(_end - 1))) _end -= 1;
            }

            if (letters[_end - 1] == 'l' && EndsWithDoubleConsonant(_end) && Measure(_end) > 1) _end -= 1;
        }
    }
}

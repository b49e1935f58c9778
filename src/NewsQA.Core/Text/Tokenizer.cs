using System.Text;

namespace NewsQA.Core.Text;

/// <summary>
/// Splits text into words: runs of letters and digits. Arabic words come out orthographically normalized, Latin words
/// lower-cased; diacritics and tatweel inside a word do not break it.
/// </summary>
public static class Tokenizer
{
    /// <summary>The words of a text, in order.</summary>
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>();
        var builder = new StringBuilder();
        var start = -1;
        var arabic = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (start >= 0 && (ArabicNormalizer.IsDiacritic(c) || c == '\u0640'))
            {
                continue; // marks sit inside the word they decorate
            }

            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = i;
                    arabic = false;
                }

                if (ArabicNormalizer.IsArabicLetter(c)) arabic = true;
                var mapped = ArabicNormalizer.NormalizeChar(c);
                if (mapped != '\0') builder.Append(char.ToLowerInvariant(mapped));
                continue;
            }

            if (start >= 0)
            {
                if (builder.Length > 0) tokens.Add(new Token(start, i - start, builder.ToString(), arabic));
                builder.Clear();
                start = -1;
            }
        }

        return tokens;
    }
}

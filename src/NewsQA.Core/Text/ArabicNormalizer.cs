using System.Text;

namespace NewsQA.Core.Text;

/// <summary>Orthographic normalization of Arabic text so that spelling variants of one word compare equal.</summary>
public static class ArabicNormalizer
{
    /// <summary>Normalizes one token or a whole text; characters outside Arabic pass through unchanged.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsDiacritic(c) || c == Tatweel)
            {
                continue;
            }

            builder.Append(Map(c));
        }

        return builder.ToString();
    }

    /// <summary>Maps one character to its normalized form, or returns '\0' when it is dropped.</summary>
    public static char NormalizeChar(char c) => IsDiacritic(c) || c == Tatweel ? '\0' : Map(c);

    public static bool IsDiacritic(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' and not '\u06E5' and not '\u06E6';

    public static bool IsArabicLetter(char c) =>
        c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06D5' or >= '\u06FA' and <= '\u06FC';

    private const char Tatweel = '\u0640';

    private static char Map(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };
}

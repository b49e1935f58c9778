using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Corpus;

/// <summary>
/// A hash of an article's body that survives what differs between two copies of one story: case, Arabic spelling
/// variants and diacritics, punctuation, white space and line wrapping. Title and metadata are not part of it.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(IEnumerable<ArticleParagraph> paragraphs)
    {
        var normalized = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            foreach (var c in ArabicNormalizer.Normalize(paragraph.Text))
            {
                if (char.IsLetterOrDigit(c)) normalized.Append(char.ToLowerInvariant(c));
                else if (normalized.Length > 0 && normalized[^1] != ' ') normalized.Append(' ');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized.ToString().Trim())))[..32];
    }
}

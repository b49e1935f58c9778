using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Turns a parsed article into passages with stable ids. A passage id is the document id and a hash of the passage
/// text, so it survives re-indexing, edits elsewhere in the article and paragraphs moving, while the text is unchanged.
/// </summary>
public static class PassageBuilder
{
    /// <summary>The passages of an article, in reading order.</summary>
    public static List<Passage> Build(string documentId, ParsedArticle article, int maxPassageChars)
    {
        var passages = new List<Passage>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < article.Paragraphs.Count; p++)
        {
            var paragraph = article.Paragraphs[p];
            var parts = ParagraphSplitter.Split(paragraph.Text, maxPassageChars);
            for (var k = 0; k < parts.Count; k++)
            {
                var text = paragraph.Text.Substring(parts[k].Start, parts[k].Length);
                var id = UniqueId(documentId, text, usedIds);
                passages.Add(new Passage(id, documentId, article.Title, p + 1, k + 1, paragraph.Heading, text,
                    SentenceSplitter.Split(text)));
            }
        }

        return passages;
    }

    private static string UniqueId(string documentId, string text, HashSet<string> usedIds)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var baseId = $"{documentId}:{Convert.ToHexStringLower(hash[..5])}";
        var id = baseId;
        for (var n = 2; !usedIds.Add(id); n++) id = $"{baseId}-{n}"; // the same text twice in one article
        return id;
    }
}

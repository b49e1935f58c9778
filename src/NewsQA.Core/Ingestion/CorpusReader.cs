using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Lists and reads the article files of a corpus folder (.txt, .md, .html, .htm). Files that are empty, binary, not
/// UTF-8 or unreadable are skipped with a warning naming them, so one bad file never stops the rest.
/// </summary>
public static class CorpusReader
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>([".txt", ".md", ".html", ".htm"]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A NUL byte in the first block is the usual sign of a binary file; text never has one.
    private const int BinaryProbeBytes = 8192;

    /// <summary>The article files directly inside <paramref name="folder"/>, ordered by name, read one at a time.</summary>
    public static IEnumerable<CorpusFile> Read(string folder, ICollection<CorpusWarning> warnings)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Corpus folder not found: {folder}");

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var documentId = Path.GetFileNameWithoutExtension(path);
            if (seen.TryGetValue(documentId, out var other))
            {
                warnings.Add(new CorpusWarning(path, $"skipped: same document id as {Path.GetFileName(other)}"));
                continue;
            }

            var file = TryRead(path, documentId, warnings);
            if (file is null) continue;
            seen[documentId] = path;
            yield return file;
        }
    }

    private static CorpusFile? TryRead(string path, string documentId, ICollection<CorpusWarning> warnings)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new CorpusWarning(path, $"skipped: unreadable ({e.Message})"));
            return null;
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, BinaryProbeBytes)).Contains((byte)0))
        {
            warnings.Add(new CorpusWarning(path, "skipped: binary file"));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            warnings.Add(new CorpusWarning(path, "skipped: not UTF-8 text"));
            return null;
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            warnings.Add(new CorpusWarning(path, "skipped: empty file"));
            return null;
        }

        return new CorpusFile(documentId, path, text, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}

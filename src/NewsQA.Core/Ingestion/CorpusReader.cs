using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Lists and reads the article files of a corpus folder (.txt, .md, .html, .htm). Only regular files are read
/// (symbolic links are followed to one; named pipes, devices and sockets are not), and none past the size limit,
/// counted while reading. Files that are empty, binary, not UTF-8, too large, unreadable, or whose names are not
/// UTF-8 are skipped with a warning naming them, so one bad file never stops the rest.
/// </summary>
public static class CorpusReader
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>([".txt", ".md", ".html", ".htm"]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A NUL byte in the first block is the usual sign of a binary file; text never has one.
    private const int BinaryProbeBytes = 8192;

    /// <summary>The article files directly inside <paramref name="folder"/>, ordered by name, read one at a time.</summary>
    public static IEnumerable<CorpusFile> Read(string folder, ICollection<CorpusWarning> warnings, int maxFileBytes)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Corpus folder not found: {folder}");

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var documentId = DocumentId(path);
            if (seen.TryGetValue(documentId, out var other))
            {
                warnings.Add(new CorpusWarning(path, $"skipped: same document id as {Path.GetFileName(other)}"));
                continue;
            }

            var file = TryRead(path, documentId, maxFileBytes, warnings);
            if (file is null) continue;
            seen[documentId] = path;
            yield return file;
        }
    }

    /// <summary>The file name without its extension; a name that is only an extension (".txt") is its own id.</summary>
    public static string DocumentId(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length > 0 ? stem : Path.GetFileName(path);
    }

    /// <summary>The article files of the folder whose document id is <paramref name="documentId"/> (any article extension), in reading order.</summary>
    public static IEnumerable<string> ArticlePaths(string folder, string documentId) =>
        Directory.EnumerateFiles(folder)
            .Where(IsArticlePath)
            .Where(f => string.Equals(DocumentId(f), documentId, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Whether a path names an article file (by its extension; temporary files of writers end otherwise).</summary>
    public static bool IsArticlePath(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>One article file (whose document id is <paramref name="documentId"/>), or null with a warning when it cannot be read as one.</summary>
    public static CorpusFile? TryRead(string path, string documentId, int maxFileBytes, ICollection<CorpusWarning> warnings)
    {
        var bytes = ReadBytes(path, maxFileBytes, out var problem);
        if (bytes is null)
        {
            warnings.Add(new CorpusWarning(path, $"skipped: {problem}"));
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

    // The kind is checked before opening (a pipe would block the open); the size is counted as the bytes arrive, since
    // the length a file reports is not what a read returns for every file.
    private static byte[]? ReadBytes(string path, int maxFileBytes, out string problem)
    {
        switch (FileKindProbe.Of(path))
        {
            case FileKind.Missing:
                // .NET decodes file names as UTF-8 and puts U+FFFD for bytes that are not; such a name opens nothing.
                problem = Path.GetFileName(path).Contains('\uFFFD', StringComparison.Ordinal)
                    ? "the file name is not valid UTF-8 (its other bytes are shown as \uFFFD); rename the file to index it"
                    : "unreadable (missing, or a symbolic link to nothing)";
                return null;
            case FileKind.Regular:
                break;
            case var kind:
                problem = $"not a regular file ({Describe(kind)})";
                return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxFileBytes)
                {
                    problem = $"larger than {maxFileBytes:N0} bytes (Corpus:MaxFileBytes)";
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            problem = string.Empty;
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"unreadable ({e.Message})";
            return null;
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.NamedPipe => "a named pipe",
        FileKind.Socket => "a socket",
        _ => "a device",
    };
}

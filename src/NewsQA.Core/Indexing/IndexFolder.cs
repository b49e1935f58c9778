using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The folder an index lives in (Index:Path): a memory-mapped Lucene directory. Opening it tells whether there is a
/// usable index and, when not, why in one line: missing, the old single-file format, another layout or settings, or
/// damaged. Never throws for what is on disk, except when the path is a file that is not an old NewsQA index (which
/// is not NewsQA's to delete).
/// </summary>
public sealed class IndexFolder : IDisposable
{
    private static readonly byte[] OldFormatMagic = "NEWSQA-INDEX"u8.ToArray();

    private IndexFolder(string path, LuceneDirectory directory, IndexSettings? settings, string? problem, bool missing)
    {
        Path = path;
        Directory = directory;
        Settings = settings;
        Problem = problem;
        Missing = missing;
    }

    public string Path { get; }

    public LuceneDirectory Directory { get; }

    /// <summary>The settings of the last commit, when it can be read.</summary>
    public IndexSettings? Settings { get; }

    /// <summary>Why there is no usable index (null when there is one).</summary>
    public string? Problem { get; }

    /// <summary>Nothing was there yet: no warning is due.</summary>
    public bool Missing { get; }

    /// <summary>Opens (creating when needed) the folder at <paramref name="path"/>.</summary>
    public static IndexFolder Open(string path)
    {
        string? replaced = null;
        if (File.Exists(path))
        {
            if (!IsOldSingleFileIndex(path)) throw new IOException($"Index:Path {path} is a file that is not a NewsQA index; the index is a folder now (see docs/configuration.md).");
            File.Delete(path);
            replaced = $"index at {path} is in the old single-file format";
        }

        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        if (replaced is not null) return new IndexFolder(path, directory, null, replaced, missing: false);
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return new IndexFolder(path, directory, null, $"no index at {path}", missing: true);
            var commit = DirectoryReader.ListCommits(directory)[^1];
            var (settings, problem) = IndexSettings.FromCommitData(commit.UserData);
            return new IndexFolder(path, directory, settings, problem is null ? null : $"index at {path} is unusable: {problem}", missing: false);
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or FormatException or KeyNotFoundException)
        {
            return new IndexFolder(path, directory, null, $"index at {path} is unusable: {OneLine(e.Message)}", missing: false);
        }
    }

    /// <summary>A snapshot of the folder's latest commit; throws when it holds no usable index.</summary>
    public PassageIndex OpenSnapshot() => PassageIndex.Open(Directory);

    /// <summary>Total bytes of the folder's files.</summary>
    public long Bytes() => Files().Values.Sum(f => f.Length);

    /// <summary>Each file of the folder, its size and when it was last written.</summary>
    public Dictionary<string, (long Length, DateTime Written)> Files() =>
        new DirectoryInfo(Path).EnumerateFiles().ToDictionary(f => f.Name, f => (f.Length, f.LastWriteTimeUtc), StringComparer.Ordinal);

    /// <summary>The bytes of the files that are new or rewritten since <paramref name="before"/> was taken.</summary>
    public long BytesWrittenSince(Dictionary<string, (long Length, DateTime Written)> before) =>
        Files().Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Sum(f => f.Value.Length);

    /// <summary>
    /// Deletes a damaged index's files (Lucene's own names only: segments*, _*, write.lock), so that a rebuild does not
    /// trip over them; anything else in the folder is left alone.
    /// </summary>
    public void ClearDamaged()
    {
        foreach (var file in new DirectoryInfo(Path).EnumerateFiles())
        {
            if (file.Name.StartsWith("segments", StringComparison.Ordinal) || file.Name.StartsWith('_') || file.Name == "write.lock") file.Delete();
        }
    }

    public void Dispose() => Directory.Dispose();

    private static bool IsOldSingleFileIndex(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[OldFormatMagic.Length];
            return stream.Read(head) == head.Length && head.AsSpan().SequenceEqual(OldFormatMagic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

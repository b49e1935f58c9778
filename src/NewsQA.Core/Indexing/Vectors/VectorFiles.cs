using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// The files of the vector index in an index folder's vectors/ subfolder: each segment's matrix and graph are named
/// <c>&lt;segment&gt;-&lt;write time&gt;-&lt;documents&gt;-&lt;dimensions&gt;</c> (the generation stamp), and are deleted
/// once the folder's latest commit no longer holds their segment (a merge replaced it, a rebuild started the index
/// again) and no snapshot of this process still reads them. Only these files are touched: the embedding cache beside
/// them stays.
/// </summary>
internal static class VectorFiles
{
    /// <summary>The subfolder of an index folder that holds its vector files.</summary>
    public const string FolderName = "vectors";

    // Stamps (full paths without extension) of segments a snapshot of this process reads, with how many hold each.
    private static readonly ConcurrentDictionary<string, int> InUse = new(StringComparer.Ordinal);

    /// <summary>The stamp of <paramref name="reader"/>'s segment in its folder, or null for an index that is not in a folder.</summary>
    public static string? Stamp(AtomicReader reader, int dimensions)
    {
        if (reader is not SegmentReader segment || segment.Directory is not FSDirectory folder) return null;
        var vectors = Path.Combine(folder.Directory.FullName, FolderName);
        System.IO.Directory.CreateDirectory(vectors);
        return Path.Combine(vectors, string.Create(CultureInfo.InvariantCulture, $"{SegmentKey(segment.SegmentInfo.Info)}-{dimensions}"));
    }

    /// <summary>Marks a stamp as read by this process (before its files are written, so a sweep never takes them).</summary>
    public static void Hold(string stamp) => InUse.AddOrUpdate(stamp, 1, (_, holders) => holders + 1);

    /// <summary>Gives up a hold; the files of segments no longer in the folder's latest commit are then deleted.</summary>
    public static void Release(string stamp)
    {
        while (InUse.TryGetValue(stamp, out var holders))
        {
            if (holders > 1 ? InUse.TryUpdate(stamp, holders - 1, holders) : InUse.TryRemove(new KeyValuePair<string, int>(stamp, holders))) break;
        }

        Sweep(Path.GetDirectoryName(Path.GetDirectoryName(stamp))!);
    }

    /// <summary>
    /// Deletes the vector files of <paramref name="indexPath"/> whose segment the folder's latest commit no longer
    /// holds and no snapshot of this process reads. Returns how many files were deleted. Never throws for what is on
    /// disk: a folder it cannot read is left as it is.
    /// </summary>
    public static int Sweep(string indexPath)
    {
        var vectors = Path.Combine(indexPath, FolderName);
        if (!System.IO.Directory.Exists(vectors)) return 0;
        try
        {
            HashSet<string> current;
            using (var directory = FSDirectory.Open(indexPath))
            {
                if (!DirectoryReader.IndexExists(directory)) return 0;
                var commit = new SegmentInfos();
                commit.Read(directory);
                current = [.. commit.Segments.Select(s => SegmentKey(s.Info) + "-")];
            }

            var deleted = 0;
            foreach (var file in System.IO.Directory.EnumerateFiles(vectors, "_*"))
            {
                var name = Path.GetFileName(file);
                if (!(name.EndsWith(".f32", StringComparison.Ordinal) || name.EndsWith(".usearch", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))) continue;
                if (current.Any(key => name.StartsWith(key, StringComparison.Ordinal))) continue;
                if (InUse.Keys.Any(stamp => file.StartsWith(stamp + ".", StringComparison.Ordinal) || file.StartsWith(stamp + "-", StringComparison.Ordinal))) continue;
                File.Delete(file);
                deleted++;
            }

            return deleted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            return 0;
        }
    }

    // A segment's name, its write time (Lucene's segment diagnostics) and its document count: segment names restart at
    // _0 when an index is rebuilt, the write time tells the two apart.
    private static string SegmentKey(SegmentInfo info)
    {
        var written = info.Diagnostics is { } diagnostics && diagnostics.TryGetValue("timestamp", out var t) ? new string([.. t.Where(char.IsAsciiDigit)]) : "0";
        return string.Create(CultureInfo.InvariantCulture, $"{info.Name}-{written}-{info.DocCount}");
    }
}

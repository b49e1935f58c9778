using System.Text.RegularExpressions;

namespace NewsQA.Core.Indexing.Vectors;

/// <summary>
/// The name of a segment's HNSW graph file in the index folder's vectors/ subfolder: the segment's generation stamp
/// (<see cref="VectorFiles"/>) and the graph's quantization, as <c>_4-1767225600000-2000-768-f16.usearch</c>.
/// </summary>
public static partial class GraphFileName
{
    /// <summary>The graph file name of the segment stamped <paramref name="stamp"/> (a path, or a bare stamp).</summary>
    public static string Of(string stamp, VectorQuantization quantization) => $"{stamp}-{Suffix(quantization)}";

    /// <summary>
    /// Whether <paramref name="name"/> is a graph file's name of <paramref name="quantization"/> and nothing else: no
    /// folder, no other file of the index (what an indexer may serve to its replicas).
    /// </summary>
    public static bool Is(string name, VectorQuantization quantization) =>
        Pattern().IsMatch(name) && name.EndsWith("-" + Suffix(quantization), StringComparison.Ordinal);

    /// <summary>Where the graph file <paramref name="name"/> is in the index folder <paramref name="indexPath"/>.</summary>
    public static string PathIn(string indexPath, string name) => Path.Combine(indexPath, VectorFiles.FolderName, name);

    private static string Suffix(VectorQuantization quantization) => quantization.ToString().ToLowerInvariant() + ".usearch";

    // Lucene's segment name (_ and base 36), write time, documents, dimensions, quantization.
    [GeneratedRegex(@"\A_[0-9a-z]+-[0-9]+-[0-9]+-[0-9]+-[0-9a-z]+\.usearch\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

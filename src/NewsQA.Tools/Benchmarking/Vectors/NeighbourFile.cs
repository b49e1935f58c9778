namespace NewsQA.Tools.Benchmarking.Vectors;

/// <summary>The exact neighbours of each query, one line of space-separated vector numbers per query.</summary>
public static class NeighbourFile
{
    public static void Write(string path, IEnumerable<int[]> rows) =>
        File.WriteAllLines(path, rows.Select(r => string.Join(' ', r.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

    public static int[][] Read(string path) =>
        [.. File.ReadLines(path).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray())];
}

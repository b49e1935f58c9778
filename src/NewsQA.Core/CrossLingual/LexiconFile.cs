using System.Text;

namespace NewsQA.Core.CrossLingual;

/// <summary>
/// The lexicon files' format: one line per English entry, "english TAB value|value|…", sorted, UTF-8. The values are
/// Arabic translations in en-ar.tsv and related English words in en-related.tsv.
/// </summary>
public static class LexiconFile
{
    public static void Write(string path, IReadOnlyDictionary<string, List<string>> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        foreach (var (english, values) in entries) writer.WriteLine($"{english}\t{string.Join('|', values)}");
    }

    public static IEnumerable<(string English, string[] Values)> Read(string path)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            yield return (line[..tab], line[(tab + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}

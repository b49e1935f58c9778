using System.Text;

namespace NewsQA.Core.Lexicon;

/// <summary>The lexicon's file format: one line per English entry, "english TAB arabic|arabic|…", sorted, UTF-8.</summary>
public static class LexiconFile
{
    public static void Write(string path, IReadOnlyDictionary<string, List<string>> lexicon)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        foreach (var (english, arabic) in lexicon) writer.WriteLine($"{english}\t{string.Join('|', arabic)}");
    }

    public static IEnumerable<(string English, string[] Arabic)> Read(string path)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            yield return (line[..tab], line[(tab + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}

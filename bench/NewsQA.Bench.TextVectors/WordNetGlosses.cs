using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Bench.TextVectors;

/// <summary>
/// WordNet 3.0's synset glosses (Debian's wordnet-base, /usr/share/wordnet/data.*; WordNet 3.0 licence, Princeton
/// University), one text per synset: its words, then its definition and examples ("bank, depository financial
/// institution: a financial institution that accepts deposits ..."). About 117,000 English texts nothing here was tuned on.
/// </summary>
public static class WordNetGlosses
{
    private static readonly string[] DataFiles = ["data.noun", "data.verb", "data.adj", "data.adv"];

    /// <summary>
    /// Every gloss, in an order fixed by a hash of its text: the first n are a sample of all parts of speech, not the
    /// top of the noun hierarchy, and the order is the same on every machine and .NET version.
    /// </summary>
    public static List<string> Read(string folder)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in DataFiles)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: install Debian's wordnet-base (apt-get install wordnet-base) or pass --wordnet.", path);
            foreach (var line in File.ReadLines(path))
            {
                // The licence at the top of each file is indented by two spaces; synset lines start with their offset.
                if (line.StartsWith("  ", StringComparison.Ordinal)) continue;
                if (Parse(line) is { } text) texts.Add(text);
            }
        }

        return [.. texts.OrderBy(t => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(t))), StringComparer.Ordinal)];
    }

    // A data line: offset lex_filenum ss_type w_cnt(hex) {word lex_id}... p_cnt {pointer}... [frames] | gloss
    private static string? Parse(string line)
    {
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0) return null;
        var fields = line[..bar].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wordCount = Convert.ToInt32(fields[3], 16);
        var words = Enumerable.Range(0, wordCount).Select(i => Lemma(fields[4 + (2 * i)]));
        var gloss = line[(bar + 3)..].Trim();
        return gloss.Length == 0 ? null : $"{string.Join(", ", words.Distinct(StringComparer.OrdinalIgnoreCase))}: {gloss}";
    }

    // Adjective lemmas carry a syntactic marker ("(a)", "(p)", "(ip)"); multi-word lemmas use underscores.
    private static string Lemma(string word)
    {
        var marker = word.IndexOf('(', StringComparison.Ordinal);
        return (marker > 0 ? word[..marker] : word).Replace('_', ' ');
    }
}

using System.IO.Compression;
using System.Text;

namespace NewsQA.Tools.Lexicon;

/// <summary>
/// Reads a dictd dictionary: NAME.index lines "headword TAB offset TAB length" (base-64 numbers) into NAME.dict.dz,
/// a dictzip file, which is gzip-compatible and is decompressed whole here.
/// </summary>
public static class DictdReader
{
    private const string Base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Every (headword, entry text) of the dictionary, skipping dictd's own 00database* entries.</summary>
    public static IEnumerable<(string Headword, string Entry)> Read(string folder, string name)
    {
        var indexPath = Path.Combine(folder, name + ".index");
        var dictPath = Path.Combine(folder, name + ".dict.dz");
        if (!File.Exists(indexPath) || !File.Exists(dictPath)) throw new FileNotFoundException($"FreeDict files not found: {indexPath} and {dictPath}");

        byte[] body;
        using (var gzip = new GZipStream(File.OpenRead(dictPath), CompressionMode.Decompress))
        using (var memory = new MemoryStream())
        {
            gzip.CopyTo(memory);
            body = memory.ToArray();
        }

        foreach (var line in File.ReadLines(indexPath, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0].StartsWith("00database", StringComparison.Ordinal)) continue;
            var offset = Decode(fields[1]);
            var length = Decode(fields[2]);
            if (offset < 0 || length <= 0 || offset + length > body.Length) continue;
            yield return (fields[0], Encoding.UTF8.GetString(body, (int)offset, (int)length));
        }
    }

    private static long Decode(string value)
    {
        long n = 0;
        foreach (var c in value)
        {
            var digit = Base64Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0) return -1;
            n = (n * 64) + digit;
        }

        return n;
    }
}

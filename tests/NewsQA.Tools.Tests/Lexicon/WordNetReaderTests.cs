using NewsQA.Tools.Lexicon;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Tools.Tests.Lexicon;

public class WordNetReaderTests
{
    // Synsets are written at fixed 1,000-byte slots so that each one's byte offset, which WordNet uses as its id, is known
    // before the file is written.
    private const int Slot = 1000;

    private static string Offset(int slot) => (slot * Slot).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteData(string folder, string pos, params string[] synsets) =>
        File.WriteAllText(Path.Combine(folder, $"data.{pos}"),
            string.Concat(synsets.Select((body, slot) => $"{Offset(slot)} {body} | gloss".PadRight(Slot - 1) + "\n")));

    private static void WriteIndex(string folder, string pos, params string[] lines) =>
        File.WriteAllText(Path.Combine(folder, $"index.{pos}"), "  1 This software and database is licensed\n" + string.Join("\n", lines) + "\n");

    private static string WriteWordNet(TempFolder temp)
    {
        WriteData(temp.Path, "noun",
            // Sense 1: "chemist" (word 1) has a derived noun and a pertainym adjective; "analyst" (word 2) a derived adjective.
            "18 n 02 chemist 0 analyst 0 003 + 00002000 n 0101 \\ 00001000 a 0101 + 00001000 a 0202",
            "18 n 02 pharmacist 0 chemist 1 000", // sense 2
            "09 n 01 chemistry 0 000",
            "18 n 02 national_security_adviser 0 NSA 0 000");
        WriteData(temp.Path, "adj", "00 s 01 lone 0 000", "00 a 02 chemical(a) 0 alchemic 0 000", "00 s 02 only(p) 0 lone 0 000");
        WriteIndex(temp.Path, "noun",
            "chemist n 2 1 + 2 1 00000000 00001000",
            "chemistry n 1 0 1 0 00002000",
            "national_security_adviser n 1 0 1 0 00003000");
        WriteIndex(temp.Path, "adj", "lone a 2 0 2 0 00002000 00000000");
        foreach (var pos in new[] { "verb", "adv" })
        {
            WriteData(temp.Path, pos);
            WriteIndex(temp.Path, pos);
        }

        return temp.Path;
    }

    [Fact]
    public void Read_GivesTheDerivedFormsThenSynonymsOfTheMostFrequentSense()
    {
        using var temp = new TempFolder();
        var related = WordNetReader.Read(WriteWordNet(temp));

        // Derived forms of "chemist" itself (from the noun and adjective files; not "alchemic", derived from "analyst"),
        // then its synonyms; nothing from sense 2 ("pharmacist").
        Assert.Equal(["chemistry", "chemical", "analyst"], related["chemist"]);
        // The first sense listed in the index is the one read, and adjective syntax markers are dropped: "only(p)".
        Assert.Equal(["only"], related["lone"]);
        // Underscores are spaces and words are lower case.
        Assert.Equal(["nsa"], related["national security adviser"]);
        // A word with nothing related is left out.
        Assert.DoesNotContain("chemistry", related.Keys);
    }

    [Fact]
    public void Read_NamesTheMissingFiles()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<FileNotFoundException>(() => WordNetReader.Read(temp.Path));
        Assert.Contains("index.noun", error.Message);
        Assert.Contains("data.adv", error.Message);
    }
}

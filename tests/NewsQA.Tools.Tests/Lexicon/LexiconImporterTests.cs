using System.IO.Compression;
using System.Text;
using NewsQA.Core.CrossLingual;
using NewsQA.Tools.Lexicon;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Tools.Tests.Lexicon;

public class LexiconImporterTests
{
    // Writes a tiny dictd dictionary (index + dictzip-compatible gzip body) the way FreeDict ships them.
    private static void WriteDictd(string folder, string name, params (string Headword, string Entry)[] entries)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        static string B64(long n)
        {
            var s = string.Empty;
            do
            {
                s = digits[(int)(n % 64)] + s;
                n /= 64;
            }
            while (n > 0);
            return s;
        }

        var body = new MemoryStream();
        var index = new StringBuilder();
        foreach (var (headword, entry) in entries)
        {
            var bytes = Encoding.UTF8.GetBytes(entry);
            index.Append($"{headword}\t{B64(body.Length)}\t{B64(bytes.Length)}\n");
            body.Write(bytes);
        }

        File.WriteAllText(Path.Combine(folder, name + ".index"), index.ToString());
        using var gzip = new GZipStream(File.Create(Path.Combine(folder, name + ".dict.dz")), CompressionLevel.Fastest);
        gzip.Write(body.ToArray());
    }

    [Fact]
    public void Import_StripsPhoneticsNumberingAndGlosses_KeepsPhrases_AndInvertsAraEng()
    {
        using var temp = new TempFolder();
        WriteDictd(temp.Path, "freedict-eng-ara",
            ("coalition", "Coalition /kˌəʊəlˈɪʃən/\nالتّحالف\n"),
            ("prime minister", "Prime minister /pɹˈaɪm/\nرئيس الوزراء\n"),
            ("cicero", "Cicero /sˈaɪsɹəʊ/\nسيسرو - نوع الحرف المطبعيّ\n"),
            ("00databaseinfo", "ignored\n"));
        WriteDictd(temp.Path, "freedict-ara-eng",
            ("أصغر", "أصغر /ʔˈas̪ɣar/\n1. Smaller\n2. Junior (rank)\n"));

        var lexicon = LexiconImporter.Import(temp.Path);

        Assert.Equal(["التحالف"], lexicon["coalition"]); // diacritics (shadda) stripped
        Assert.Equal(["رئيس الوزراء"], lexicon["prime minister"]);
        Assert.Equal(["سيسرو"], lexicon["cicero"]);
        Assert.Equal(["أصغر"], lexicon["smaller"]);
        Assert.Equal(["أصغر"], lexicon["junior"]);
        Assert.DoesNotContain("00databaseinfo", lexicon.Keys);
    }

    [Fact]
    public void File_RoundTrips()
    {
        using var temp = new TempFolder();
        var lexicon = new SortedDictionary<string, List<string>>(StringComparer.Ordinal) { ["base"] = ["القاعدة", "قاعدة"], ["prime minister"] = ["رئيس الوزراء"] };
        LexiconFile.Write(temp.File("l.tsv"), lexicon);
        Assert.Equal(["base=القاعدة|قاعدة", "prime minister=رئيس الوزراء"],
            LexiconFile.Read(temp.File("l.tsv")).Select(e => $"{e.English}={string.Join('|', e.Values)}"));
    }

    [Fact]
    public void RepositoryLexicon_IsLargeAndHoldsCommonNewsWords()
    {
        var lexicon = BilingualLexicon.Load(Path.Combine(AppContext.BaseDirectory, "lexicon", "en-ar.tsv"));
        Assert.True(lexicon.Count > 80_000);
        Assert.Contains("التحالف", lexicon.ToArabic("coalition"));
        Assert.NotEmpty(lexicon.ToArabic("withdrawals")); // an inflected form through its siblings
    }

    [Fact]
    public void RepositoryRelatedWords_LendAWordItsRelativesTranslations()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "lexicon");
        var lexicon = BilingualLexicon.Load(Path.Combine(folder, "en-ar.tsv"), Path.Combine(folder, "en-related.tsv"));
        Assert.True(LexiconFile.Read(Path.Combine(folder, "en-related.tsv")).Count() > 100_000);
        // FreeDict translates "chemist" only as pharmacist (الصيدلي); WordNet relates it to "chemistry" (الكيمياء).
        Assert.Contains("الكيمياء", lexicon.ToArabic("chemist"));
    }
}

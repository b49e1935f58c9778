using System.Globalization;

namespace NewsQA.Bench.TextVectors;

/// <summary>The benchmark's few options, each `--name value`, with the defaults the measurement used.</summary>
public sealed record CommandLine(string WordNet, string XQuad, int Corpus, int Queries, string Output)
{
    public static CommandLine Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--wordnet"] = "/usr/share/wordnet",
            ["--xquad"] = Path.Combine("..", "shared", "data", "xquad", "xquad.en.json"),
            ["--corpus"] = "100000",
            ["--queries"] = "1000",
            ["--output"] = Path.Combine(".newsqa", "text-vectors"),
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}; known: {string.Join(", ", values.Keys)}");
            }

            values[args[i]] = args[i + 1];
        }

        return new CommandLine(values["--wordnet"], values["--xquad"], Count(values["--corpus"]), Count(values["--queries"]), values["--output"]);
    }

    private static int Count(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
        ? n
        : throw new ArgumentException($"expected a positive whole number, not '{value}'");
}

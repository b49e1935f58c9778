using System.CommandLine;

namespace NewsQA.Cli.Commands;

/// <summary>Options shared by several commands, one definition each.</summary>
public static class CommonOptions
{
    public static Option<string?> Corpus() => new("--corpus") { Description = "Folder of articles (.txt, .md, .html). Default: Corpus:Path in appsettings.json." };

    public static Option<string?> Index() => new("--index") { Description = "Index folder. Default: Index:Path in appsettings.json, or a cache folder per corpus when --corpus is given." };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON, one object per line." };

    public static Option<string> Mode() => new Option<string>("--mode")
    {
        Description = "Retrieval legs: hybrid (default), keyword (BM25 only) or vector (embeddings only).",
        DefaultValueFactory = _ => "hybrid",
    }.AcceptOnlyFromAmong("hybrid", "keyword", "vector");

    public static Option<bool> NoTranslate() => new("--no-translate") { Description = "Do not translate the question into the articles' other language (for comparison)." };

    /// <summary>The settings a command's flags override.</summary>
    public static Dictionary<string, string?> Overrides(System.CommandLine.ParseResult result, Option<bool> noTranslate) =>
        result.GetValue(noTranslate) ? new() { ["Retrieval:Translate"] = "false" } : [];

    public static Core.Retrieval.RetrievalMode ParseMode(string value) =>
        Enum.Parse<Core.Retrieval.RetrievalMode>(value, ignoreCase: true);
}

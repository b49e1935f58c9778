using System.CommandLine;
using NewsQA.Core.CrossLingual;
using NewsQA.Tools.Lexicon;

namespace NewsQA.Cli.Commands;

/// <summary>
/// `newsqa lexicon import` converts FreeDict's English–Arabic dictionaries into NewsQA's lexicon file; `newsqa lexicon
/// related` converts WordNet into the related-words file, through which a word the lexicon translates thinly borrows
/// its relatives' translations.
/// </summary>
public static class LexiconCommand
{
    public static Command Create()
    {
        var command = new Command("lexicon", "The bilingual lexicon used for cross-lingual retrieval.");
        command.Subcommands.Add(Importer(
            "import", "Import FreeDict (GPL-2.0-or-later) into a compact lexicon file.",
            new Option<string>("--freedict") { Description = "Folder with freedict-eng-ara and freedict-ara-eng (.index, .dict.dz), e.g. /usr/share/dictd.", Required = true },
            "FreeDict", "en-ar.tsv", LexiconImporter.Import, "English entries", "translations"));
        command.Subcommands.Add(Importer(
            "related", "Import WordNet's related English words (derived forms, synonyms) into a compact file.",
            new Option<string>("--wordnet") { Description = "Folder with WordNet 3.0's index.* and data.* files, e.g. /usr/share/wordnet.", Required = true },
            "WordNet", "en-related.tsv", WordNetReader.Read, "English words", "related words"));
        return command;
    }

    // A subcommand that reads a source folder into headword → values and writes it as a lexicon file.
    private static Command Importer(
        string name, string description, Option<string> source, string sourceName, string defaultFile,
        Func<string, SortedDictionary<string, List<string>>> read, string headwords, string values)
    {
        var output = new Option<string>("--output") { Description = "File to write.", DefaultValueFactory = _ => Path.Combine("lexicon", defaultFile) };
        var command = new Command(name, description) { source, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync((_, _) =>
        {
            var folder = result.GetValue(source)!;
            if (!Directory.Exists(folder)) throw new UsageException($"{sourceName} folder not found: {Path.GetFullPath(folder)}");
            var entries = read(folder);
            LexiconFile.Write(result.GetValue(output)!, entries);
            Console.WriteLine($"{entries.Count} {headwords}, {entries.Values.Sum(v => v.Count)} {values} written to {result.GetValue(output)}");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return command;
    }
}

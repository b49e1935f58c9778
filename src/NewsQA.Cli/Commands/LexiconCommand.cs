using System.CommandLine;
using NewsQA.Core.Lexicon;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa lexicon import`: converts FreeDict's English–Arabic dictionaries into NewsQA's lexicon file.</summary>
public static class LexiconCommand
{
    public static Command Create()
    {
        var freedict = new Option<string>("--freedict") { Description = "Folder with freedict-eng-ara and freedict-ara-eng (.index, .dict.dz), e.g. /usr/share/dictd.", Required = true };
        var output = new Option<string>("--output") { Description = "Lexicon file to write.", DefaultValueFactory = _ => Path.Combine("lexicon", "en-ar.tsv") };
        var import = new Command("import", "Import FreeDict (GPL-2.0-or-later) into a compact lexicon file.") { freedict, output };
        import.SetAction((result, cancellationToken) => CommandRunner.RunAsync((_, _) =>
        {
            var folder = result.GetValue(freedict)!;
            if (!Directory.Exists(folder)) throw new UsageException($"FreeDict folder not found: {Path.GetFullPath(folder)}");
            var lexicon = LexiconImporter.Import(folder);
            LexiconFile.Write(result.GetValue(output)!, lexicon);
            Console.WriteLine($"{lexicon.Count} English entries, {lexicon.Values.Sum(v => v.Count)} translations written to {result.GetValue(output)}");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        var command = new Command("lexicon", "The bilingual lexicon used for cross-lingual retrieval.");
        command.Subcommands.Add(import);
        command.Subcommands.Add(Related());
        return command;
    }

    // `newsqa lexicon related`: WordNet's related English words, through which a word the bilingual lexicon translates
    // thinly borrows its relatives' translations.
    private static Command Related()
    {
        var wordnet = new Option<string>("--wordnet") { Description = "Folder with WordNet 3.0's index.* and data.* files, e.g. /usr/share/wordnet.", Required = true };
        var output = new Option<string>("--output") { Description = "Related-words file to write.", DefaultValueFactory = _ => Path.Combine("lexicon", "en-related.tsv") };
        var related = new Command("related", "Import WordNet's related English words (derived forms, synonyms) into a compact file.") { wordnet, output };
        related.SetAction((result, cancellationToken) => CommandRunner.RunAsync((_, _) =>
        {
            var folder = result.GetValue(wordnet)!;
            if (!Directory.Exists(folder)) throw new UsageException($"WordNet folder not found: {Path.GetFullPath(folder)}");
            var words = WordNetReader.Read(folder);
            LexiconFile.Write(result.GetValue(output)!, words);
            Console.WriteLine($"{words.Count} English words, {words.Values.Sum(v => v.Count)} related words written to {result.GetValue(output)}");
            return Task.FromResult(ExitCodes.Success);
        }, cancellationToken));
        return related;
    }
}

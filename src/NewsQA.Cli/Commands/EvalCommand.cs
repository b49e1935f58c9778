using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Cli.Output;
using NewsQA.Core.Indexing;
using NewsQA.Tools.Evaluation;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa eval retrieval`: recall and MRR on a SQuAD-format question set.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure NewsQA on public question-answering sets.");
        command.Subcommands.Add(CreateRetrieval());
        command.Subcommands.Add(CreateAnswers());
        command.Subcommands.Add(CreateSeedAnswers());
        return command;
    }

    // Issue 20's held-out sets, over the seed articles and the articles written for them.
    private static Command CreateSeedAnswers()
    {
        var questions = new Option<string>("--questions") { Description = "Questions file (held-out set, or a training file).", DefaultValueFactory = _ => Path.Combine("tests", "NewsQA.Core.Tests", "Data", "answers-heldout.tsv") };
        var conversations = new Option<string>("--conversations") { Description = "Two-turn conversations file.", DefaultValueFactory = _ => Path.Combine("tests", "NewsQA.Core.Tests", "Data", "conversations-heldout.tsv") };
        var corpus = new Option<string[]>("--corpus") { Description = "Folders of articles, indexed together (default: seeds and models/articles).", DefaultValueFactory = _ => ["seeds", Path.Combine("models", "articles")], AllowMultipleArgumentsPerToken = true };
        var details = new Option<bool>("--details") { Description = "Also list every question's level and first line (for training sets: held-out sets are for totals)." };
        var json = CommonOptions.Json();
        var command = new Command("seed-answers", "Ask the questions and conversations written over the seed articles; report how often the first line is right, the confidence levels, and whether Arabic/English pairs agree.") { questions, conversations, corpus, details, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var questionsPath = result.GetValue(questions)!;
            var conversationsPath = result.GetValue(conversations)!;
            if (!File.Exists(questionsPath)) throw new UsageException($"Questions not found: {Path.GetFullPath(questionsPath)}");
            if (!File.Exists(conversationsPath)) throw new UsageException($"Conversations not found: {Path.GetFullPath(conversationsPath)}");
            var folders = result.GetValue(corpus)!;
            var missing = folders.FirstOrDefault(f => !Directory.Exists(f));
            if (missing is not null) throw new UsageException($"Articles not found: {Path.GetFullPath(missing)}");
            using var articles = await ArticleFolders.IndexAsync(host.Services.GetRequiredService<CorpusIndexer>(), folders, ct);
            var report = await host.Services.GetRequiredService<SeedAnswerEvaluator>().EvaluateAsync(
                articles.Index, Path.GetFileName(questionsPath), SeedAnswerQuestion.Load(questionsPath), Path.GetFileName(conversationsPath), SeedConversation.Load(conversationsPath),
                result.GetValue(details), ct);
            Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(report) : Describe(report));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static string Describe(SeedAnswerReport r)
    {
        static string Factoid(string name, FactoidFigures f) =>
            $"{name,-26}{f.Questions,4} q   first line right {f.FirstLineRight:0.000}   short answer shown {f.ShortAnswerShown:0.000}, right {f.ShortAnswerRight:0.000}   answered / closest / none {f.Answered:0.000} / {f.Closest:0.000} / {f.None:0.000}";
        static string Levels(string name, LevelFigures l) => $"{name,-26}{l.Questions,4} q   answered / closest / none {l.Answered:0.000} / {l.Closest:0.000} / {l.None:0.000}";
        var details = r.Details is { } lines ? "\n" + string.Join('\n', lines) : string.Empty;
        return $"""
            questions: {r.Questions}; conversations: {r.Conversations}
            {Factoid("factoid, Arabic", r.Arabic)}
            {Factoid("factoid, English", r.English)}
            {Levels("near-topic", r.NearTopic)}
            {Levels("near-topic, Arabic", r.NearTopicArabic)}
            {Levels("near-topic, English", r.NearTopicEnglish)}
            follow-ups                {r.FollowUps.Conversations,4} c   first line right {r.FollowUps.FirstLineRight:0.000} (Arabic {r.FollowUps.Arabic:0.000}, English {r.FollowUps.English:0.000})
            Arabic/English pairs      {r.Pairs.Pairs,4} p   same level {r.Pairs.SameLevel:0.000}, same first passage {r.Pairs.SamePassage:0.000}, same short answer {r.Pairs.SameShortAnswer:0.000}
            """ + details;
    }

    private static Command CreateAnswers()
    {
        var dataset = new Option<string>("--dataset") { Description = "SQuAD-format JSON file (contexts and questions).", Required = true };
        var sentences = new Option<string?>("--sentences") { Description = "XQuAD-R-style file with sentence_breaks per context (default: ../shared/data/xquad-r/ar.json when present, else NewsQA's own splitter)." };
        var questionsFrom = new Option<string?>("--questions-from") { Description = "Parallel SQuAD file whose question texts (same ids) are asked instead." };
        var json = CommonOptions.Json();
        var noTranslate = CommonOptions.NoTranslate();
        var command = new Command("answers", "Ask every question; report how often the first cited sentence contains the gold answer, and the short answer's exact match and F1.") { dataset, sentences, questionsFrom, json, noTranslate };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var (data, name) = LoadDataset(result.GetValue(dataset)!, result.GetValue(questionsFrom));

            var sentencesPath = result.GetValue(sentences) ?? DefaultSentences(result.GetValue(dataset)!);
            if (sentencesPath is not null && !File.Exists(sentencesPath)) throw new UsageException($"Sentence file not found: {Path.GetFullPath(sentencesPath)}");
            var breaks = sentencesPath is null ? null : SquadDataset.LoadSentenceBreaks(sentencesPath);
            var report = await host.Services.GetRequiredService<AnswerEvaluator>().EvaluateAsync(name, data, breaks, ct);
            Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(report) : Describe(report));
            return ExitCodes.Success;
        }, CommonOptions.Overrides(result, noTranslate), cancellationToken));
        return command;
    }

    // XQuAD-R sits beside XQuAD in the shared data folder and carries the sentence boundaries for Arabic XQuAD.
    private static string? DefaultSentences(string dataset)
    {
        var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataset))!, "..", "xquad-r", "ar.json");
        return Path.GetFileName(dataset) == "xquad.ar.json" && File.Exists(candidate) ? candidate : null;
    }

    private static string Describe(AnswerReport r) =>
        $"""
        dataset:                          {r.Dataset}
        mode:                             {r.Mode}
        questions:                        {r.Questions}
        passages:                         {r.Passages}
        first cited sentence has answer:  {r.FirstCitedSentenceHasAnswer:0.000}
        first citation is gold passage:   {r.FirstCitationIsGoldPassage:0.000}
        refused (none):                   {r.Refused:0.000}
        answered / closest:               {r.Answered:0.000} / {r.Closest:0.000}
        short answer given:               {r.ShortAnswerGiven:0.000}
        short answer right (F1 >= 0.5):   {r.ShortAnswerRight:0.000}
        short answer exact match:         {r.ShortAnswerExactMatch:0.000}
        short answer F1:                  {r.ShortAnswerF1:0.000}
        short answer F1 if always given:  {r.ShortAnswerF1IfAlwaysGiven:0.000}{(r.ShortAnswerTextF1AgainstQuestionLanguage is { } t ? $"\n        short answer text F1 (question's language): {t:0.000}" : string.Empty)}
        questions/s:                      {r.QuestionsPerSecond:0.0}
        """;

    private static Command CreateRetrieval()
    {
        var dataset = new Option<string>("--dataset") { Description = "SQuAD-format JSON file (contexts and questions).", Required = true };
        var questionsFrom = new Option<string?>("--questions-from") { Description = "Parallel SQuAD file whose question texts (same ids) are asked instead." };
        var json = CommonOptions.Json();
        var mode = CommonOptions.Mode();
        var noTranslate = CommonOptions.NoTranslate();
        var command = new Command("retrieval", "Every distinct context is a passage; a question's own context is the relevant one.") { dataset, questionsFrom, json, mode, noTranslate };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var (data, name) = LoadDataset(result.GetValue(dataset)!, result.GetValue(questionsFrom));

            var evaluator = host.Services.GetRequiredService<RetrievalEvaluator>();
            var report = await evaluator.EvaluateAsync(name, data, CommonOptions.ParseMode(result.GetValue(mode)!), ct);
            Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(report) : Describe(report));
            return ExitCodes.Success;
        }, CommonOptions.Overrides(result, noTranslate), cancellationToken));
        return command;
    }

    // The set, with its questions replaced by a parallel file's when one is given, and the name reports use for it.
    private static (SquadDataset Data, string Name) LoadDataset(string path, string? questionsFrom)
    {
        var data = LoadDataset(path);
        var name = Path.GetFileName(path);
        if (questionsFrom is null) return (data, name);
        return (data.WithQuestionsFrom(LoadDataset(questionsFrom)), $"{name} (questions from {Path.GetFileName(questionsFrom)})");
    }

    private static SquadDataset LoadDataset(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"Dataset not found: {Path.GetFullPath(path)}");
        return SquadDataset.Load(path);
    }

    private static string Describe(RetrievalReport r) =>
        $"""
        dataset:   {r.Dataset}
        mode:      {r.Mode}
        questions: {r.Questions}
        passages:  {r.Passages}
        R@1:       {r.RecallAt1:0.000}
        R@5:       {r.RecallAt5:0.000}
        R@10:      {r.RecallAt10:0.000}
        MRR@10:    {r.MrrAt10:0.000}
        queries/s: {r.QueriesPerSecond:0.0}
        """;
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsQA.Cli.Output;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Cli.Commands;

/// <summary>`newsqa search`: the passages relevant to a question, or to each line of a questions file.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question (Arabic or English).", Arity = ArgumentArity.ZeroOrOne };
        var questions = new Option<string?>("--questions") { Description = "File with one question per line; prints one result per line, in order." };
        var top = new Option<int?>("--top") { Description = "How many passages to return (default: Retrieval:TopK)." };
        var json = CommonOptions.Json();
        var corpus = CommonOptions.Corpus();
        var index = CommonOptions.Index();
        var noTranslate = CommonOptions.NoTranslate();
        var mode = CommonOptions.Mode();
        var explain = new Option<bool>("--explain") { Description = "Show, under each passage, what each query term (or synonym group) adds to its keyword and lexical-vector scores." };
        var command = new Command("search", "Find the passages relevant to a question.") { question, questions, top, json, corpus, index, mode, noTranslate, explain };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async (host, ct) =>
        {
            var settings = host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var k = result.GetValue(top) ?? settings.TopK;
            if (k < 1) throw new UsageException("--top must be at least 1");
            var inputs = QuestionInput.Read(result.GetValue(question), result.GetValue(questions));
            if (inputs.Count == 1 && QuestionValidator.Problem(inputs[0], settings.MaxQuestionChars) is { } problem)
            {
                throw new UsageException(problem);
            }

            using var live = await IndexSession.OpenAsync(host, result.GetValue(corpus), result.GetValue(index), ct);
            using var lease = live.Acquire();
            var passageIndex = lease.Index;
            var search = new Search(host.Services.GetRequiredService<QueryBuilder>(), host.Services.GetRequiredService<HybridRetriever>(),
                CommonOptions.ParseMode(result.GetValue(mode)!), k, settings.MaxQuestionChars, result.GetValue(explain));
            foreach (var input in inputs)
            {
                var line = await search.RunAsync(passageIndex, input, ct);
                Console.WriteLine(result.GetValue(json) ? JsonOutput.Line(line) : Describe(line));
            }

            return ExitCodes.Success;
        }, CommonOptions.Overrides(result, noTranslate), cancellationToken));
        return command;
    }

    // One question's search, with each passage's lexical scores explained when asked.
    private sealed record Search(QueryBuilder Queries, HybridRetriever Retriever, RetrievalMode Mode, int K, int MaxChars, bool Explain)
    {
        public async Task<SearchResultLine> RunAsync(PassageIndex index, string question, CancellationToken ct)
        {
            if (QuestionValidator.Problem(question, MaxChars) is { } problem) return new SearchResultLine(question, [], problem);
            var query = await Queries.BuildAsync(index, question, ct);
            var hits = await Retriever.SearchAsync(index, query, K, Mode, ct);
            return new SearchResultLine(question, [.. hits.Select(h => new SearchResultItem(
                h.Rank, h.Passage.Id, h.Passage.DocumentId, h.Passage.Title, h.Passage.Paragraph, Math.Round(h.Score, 6), h.Passage.Text)
            {
                Explanation = Explain ? Retriever.Explain(index, query, h.PassageNumber) : null,
            })]);
        }
    }

    private static string Describe(SearchResultLine line)
    {
        if (line.Error is not null) return $"{line.Question}\n  error: {line.Error}\n";
        if (line.Results.Count == 0) return $"{line.Question}\n  no passage matches\n";
        var rows = line.Results.Select(r =>
            $"{r.Rank,3}. [{r.Score:0.0000}] {r.Title} ¶{r.Paragraph} ({r.PassageId})\n     {Shorten(r.Text, 240)}{Describe(r.Explanation)}");
        return $"{line.Question}\n{string.Join('\n', rows)}\n";
    }

    // The legs' totals, then each clause: its term frequency in the passage, its document frequency, and its parts.
    private static string Describe(LexicalExplanation? explanation)
    {
        if (explanation is null) return "";
        var clauses = explanation.Clauses.Select(c =>
            $"\n       {c.Clause,-24} tf {c.TermFrequency,3}  df {c.DocumentFrequency,8:N0}  keyword {c.Keyword,8:0.0000}  vector {c.Vector,8:0.0000}");
        return $"\n     keyword (BM25) {explanation.Keyword:0.0000}  vector (lexical cosine) {explanation.Vector:0.0000}{string.Concat(clauses)}";
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

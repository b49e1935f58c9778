using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Only NewsQA's markers are citations (issue 25, finding 7): an article's own bracketed numbers ("[3]") are quoted as
/// "(3)" in an offline answer, and reach the model as "(3)", so that a model copying its passage cannot turn the
/// article's "[3]" into a citation to passage 3.
/// </summary>
public sealed partial class ArticleBracketsTests : IAsyncLifetime
{
    private const string Question = "When did the Jadriya bridge reopen?";

    // Four paragraphs about the bridge, so that the model is given at least three passages and "[3]" would be valid.
    private const string Article = """
        The Jadriya bridge reopens in Baghdad

        The Jadriya bridge reopened on Sunday after two years of repairs [3], the ministry of construction said.

        Engineers replaced the Jadriya bridge's steel joints and resurfaced its four lanes [٤].

        Traffic on the Jadriya bridge was light on its first morning, residents said.

        The Jadriya bridge links the Karrada district with the university campus on the western bank.
        """;

    private readonly LiveCorpus _corpus = new();
    private LoopbackModelServer _model = null!;
    private BotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_corpus.Path, "jadriya-bridge.txt"), Article);
        _model = await LoopbackModelServer.StartAsync();
        _bot = new BotFactory();
        _bot.Settings["Corpus:Path"] = _corpus.Path;
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _model.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Offline_AnArticlesBracketedNumber_IsQuotedInParentheses_AndEveryBracketedNumberIsACitation()
    {
        var answer = await AskAsync();

        var text = answer.GetProperty("answer").GetString()!;
        Assert.Equal("local", answer.GetProperty("mode").GetString());
        Assert.Contains("after two years of repairs (3), the ministry", text);
        Assert.Equal(Citations(answer), Markers(text));
    }

    [Fact]
    public async Task ThroughAModelThatCopiesItsPassage_TheArticlesNumberIsNoCitation()
    {
        _bot.WithModel(_model);
        _model.Reply = r =>
        {
            if (!r.IsAnswer) return ["NOT_FOUND"];
            var n = r.PassageContaining("reopened on Sunday");
            return [r.Passage(n), $" [{n}]."]; // the passage's text as the prompt gave it, then its marker
        };

        var answer = await AskAsync();

        var text = answer.GetProperty("answer").GetString()!;
        var prompt = Assert.Single(_model.Requests, r => r.IsAnswer);
        Assert.True(prompt.PassageContaining("Traffic on the Jadriya") > 0 && prompt.PassageContaining("links the Karrada") > 0, "fewer than three passages were given");
        Assert.Contains("repairs (3), the ministry", prompt.Passage(prompt.PassageContaining("reopened on Sunday")));
        Assert.Contains("lanes (٤)", prompt.User);
        Assert.Equal("llm", answer.GetProperty("mode").GetString());
        Assert.Contains("repairs (3), the ministry", text);
        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Contains("reopened on Sunday", citation.GetProperty("text").GetString());
        Assert.Equal([1], Markers(text));
    }

    private async Task<JsonElement> AskAsync()
    {
        var response = await _bot.CreateClient().PostAsJsonAsync("/api/ask", new { question = Question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<int> Citations(JsonElement answer) =>
        [.. answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("marker").GetInt32()).Order()];

    // Every bracketed number in the text, whatever its digits or brackets.
    private static List<int> Markers(string text) =>
        [.. BracketedNumberPattern().Matches(text).Select(m => (int)char.GetNumericValue(m.Groups[1].Value, 0)).Distinct().Order()];

    [GeneratedRegex(@"[\[［【]\s*(\p{Nd})")]
    private static partial Regex BracketedNumberPattern();
}

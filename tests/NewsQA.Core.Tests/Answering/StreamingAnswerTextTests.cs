using NewsQA.Core.Answering;

namespace NewsQA.Core.Tests.Answering;

public class StreamingAnswerTextTests
{
    private static List<string?> Feed(int passages, params string[] pieces)
    {
        var text = new StreamingAnswerText(passages);
        return [.. pieces.Select(text.Append)];
    }

    [Fact]
    public void AnUnfinishedMarker_IsHeldBack_UntilItCloses()
    {
        var shown = Feed(5, "Karim al-Nouri", " [", "1", "]", " said so.");
        Assert.Equal(["Karim al-Nouri", null, null, "Karim al-Nouri [1]", "Karim al-Nouri [1] said so."], shown);
    }

    [Fact]
    public void AMarkerOutsideThePassagesGiven_IsNeverShown()
    {
        var shown = Feed(3, "First claim [3].", " Second [12].", " Third [2].");
        Assert.All(shown.Where(s => s is not null), s => Assert.DoesNotContain("[12]", s));
        Assert.Equal("First claim [1]. Second. Third [2].", shown[^1]);
    }

    [Fact]
    public void ShownText_IsTheStartOfTheValidatedAnswer_AndOnlyGrows()
    {
        const string reply = "الناطق هو كريم النوري [4][2]. وقال إن التحالف [9] سينسحب [2].";
        var text = new StreamingAnswerText(5);
        var previous = string.Empty;
        foreach (var piece in reply.Chunk(3).Select(c => new string(c)))
        {
            if (text.Append(piece) is not { } shown) continue;
            Assert.StartsWith(previous, shown, StringComparison.Ordinal);
            previous = shown;
        }

        Assert.Equal(CitationValidator.Markers(reply, 5), previous);
    }

    [Fact]
    public void AReplyThatMayBeNotFound_ShowsNothing()
    {
        Assert.All(Feed(5, "NOT_", "FOU", "ND", "."), Assert.Null);
        Assert.Equal("Not far from Mosul", Feed(5, "Not", " far from Mosul")[^1]);
    }
}

using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Core.Tests.Answering;

public class StreamingAnswerTextTests
{
    private static List<string?> Feed(int passages, params string[] pieces)
    {
        var text = new StreamingAnswerText(passages);
        return [.. pieces.Select(text.Append)];
    }

    [Fact]
    public void AMarker_IsHeldBack_UntilTheTextAfterItComes()
    {
        // "[1" may yet be "[12]", and "[1]" may yet be "[1][2]".
        var shown = Feed(5, "Karim al-Nouri", " [", "1", "]", " [2]", " said so.");
        Assert.Equal(["Karim al-Nouri", null, null, null, null, "Karim al-Nouri [1][2] said so."], shown);
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

    [Fact]
    public void AnySplitOfAnyReply_ShowsGrowingStartsOfTheValidatedText_EndingInAllOfIt()
    {
        var random = new Random(25);
        const string alphabet = "[[]]]0123456789٠١٢,، .x\n";
        for (var i = 0; i < 3000; i++)
        {
            var reply = "x" + new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]) + "x";
            var passages = random.Next(0, 15);
            var validated = CitationValidator.Markers(reply, passages);
            var text = new StreamingAnswerText(passages);
            var previous = string.Empty;
            for (var at = 0; at < reply.Length;)
            {
                var length = Math.Min(random.Next(1, 6), reply.Length - at);
                if (text.Append(reply.Substring(at, length)) is { } shown)
                {
                    Assert.True(shown.Length > previous.Length && shown.StartsWith(previous, StringComparison.Ordinal), $"{reply}: {previous} then {shown}");
                    Assert.True(validated.StartsWith(shown, StringComparison.Ordinal), $"{reply}: shown {shown}, validated {validated}");
                    previous = shown;
                }

                at += length;
            }

            Assert.Equal(validated, previous);
        }
    }

    [Fact]
    public void TheTextOfferedForALongReply_IsLinearInItsLength()
    {
        // 400,000 characters in pieces of four: offering the whole text after every piece would hand out 20 billion characters.
        const int pieces = 100_000;
        var text = new StreamingAnswerText(5);
        long offered = 0;
        for (var i = 0; i < pieces; i++) offered += text.Append(i % 10 == 9 ? " [1]" : "word")?.Length ?? 0;

        Assert.True(offered <= 50L * 4 * pieces, $"{offered:N0} characters offered");
        Assert.True(text.Shown.Length > 4 * pieces * 0.9, "the text shown kept up with the reply");
    }

    [Fact]
    public void AReplyPastTheCap_IsReadNoFurther()
    {
        var text = new StreamingAnswerText(5, maxChars: 10);
        text.Append("12345678");
        Assert.False(text.Capped);
        text.Append("9 and more");
        Assert.True(text.Capped);
        Assert.Null(text.Append("even more"));
        Assert.Equal("123456789 ", text.Written);
    }
}

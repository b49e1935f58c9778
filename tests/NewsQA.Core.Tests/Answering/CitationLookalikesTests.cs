using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Core.Tests.Answering;

public class CitationLookalikesTests
{
    [Theory]
    [InlineData("repairs [3], the ministry said", "repairs (3), the ministry said")]
    [InlineData("أربعة مسارات [٤].", "أربعة مسارات (٤).")]
    [InlineData("full-width ［3］ and lenticular 【12】", "full-width (3) and lenticular (12)")]
    [InlineData("lists [1, 2] [3،4] [5-7]", "lists (1, 2) (3،4) (5-7)")]
    [InlineData("adjacent [1][2]", "adjacent (1)(2)")]
    [InlineData("not numbers: [a] [1a] [] (3)", "not numbers: [a] [1a] [] (3)")]
    public void ABracketedNumber_IsPutInParentheses_AndOtherBracketsAreLeft(string text, string expected) =>
        Assert.Equal(expected, CitationLookalikes.Neutralize(text));

    [Fact]
    public void NeutralizedText_HasNothingTheValidatorReadsAsAMarker()
    {
        var random = new Random(25);
        const string alphabet = "[]［］【】(),،-– 0123456789٠١٢٣٤٥٦٧٨٩０１２abc.";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var neutral = CitationLookalikes.Neutralize(text);
            Assert.False(CitationValidator.MarkerGroupPattern().IsMatch(neutral), $"{text} → {neutral}");
        }
    }
}

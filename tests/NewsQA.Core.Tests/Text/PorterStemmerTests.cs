using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public class PorterStemmerTests
{
    // Expected outputs from Porter's published vocabulary/output lists.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("digitizer", "digit")]
    [InlineData("hopefulness", "hope")]
    [InlineData("formalize", "formal")]
    [InlineData("revival", "reviv")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("controll", "control")]
    [InlineData("generalizations", "gener")]
    [InlineData("withdrawal", "withdraw")]
    [InlineData("coalition", "coalit")]
    public void Stem_MatchesPorterReferenceOutput(string word, string expected) =>
        Assert.Equal(expected, PorterStemmer.Stem(word));

    [Fact]
    public void Stem_ConflatesInflections()
    {
        Assert.Equal(PorterStemmer.Stem("attacks"), PorterStemmer.Stem("attacked"));
        Assert.Equal(PorterStemmer.Stem("troops"), PorterStemmer.Stem("troop"));
    }
}

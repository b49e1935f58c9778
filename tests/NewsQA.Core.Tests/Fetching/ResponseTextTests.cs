using System.Text;
using NewsQA.Core.Fetching;

namespace NewsQA.Core.Tests.Fetching;

public class ResponseTextTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>قال المتحدث</p></body></html>");

    // Issue 25, finding 1: a page declaring charset=utf-7 threw NotSupportedException out of the feed poller.
    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData("x-no-such-charset")]
    public void ACharsetDotNetRefusesOrDoesNotKnow_FallsBackToWhatThePageSays(string charset)
    {
        var text = ResponseText.Decode(Page, charset);
        Assert.Contains("قال المتحدث", text);
    }

    [Fact]
    public void TheRefusedCharset_IsReported()
    {
        var problems = new List<string>();
        ResponseText.Decode(Encoding.UTF8.GetBytes("<p>plain</p>"), "utf-7", problems);
        Assert.Contains("\"utf-7\" is not supported", Assert.Single(problems));
    }

    [Fact]
    public void AMetaTagDeclaringUtf7_IsReadAsUtf8()
    {
        var problems = new List<string>();
        var text = ResponseText.Decode(Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-7\"></head><body>+AGEAYgBj- نص</body></html>"), null, problems);
        Assert.Contains("+AGEAYgBj- نص", text); // not decoded as UTF-7
        Assert.Single(problems);
    }
}

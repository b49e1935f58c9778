using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class LoadGeneratorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://192.168.1.2", false)]
    [InlineData("https://example.com", false)]
    public void IsLoopback_AllowsOnlyThisMachine(string url, bool expected) =>
        Assert.Equal(expected, LoadGenerator.IsLoopback(new Uri(url)));

    [Fact]
    public async Task Run_RefusesAnyOtherAddress_BeforeSendingAnything()
    {
        using var http = new HttpClient();
        var generator = new LoadGenerator(new Uri("http://10.0.0.5:5080"), http);
        await Assert.ThrowsAsync<InvalidOperationException>(() => generator.RunAsync("ask", 1, 1, CancellationToken.None));
    }
}

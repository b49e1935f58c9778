using NewsQA.Core.Fetching;

namespace NewsQA.Core.Tests.Fetching;

public class HostGateTests
{
    [Fact]
    public async Task OneRequestAtATime_PerHost_WhileOtherHostsGoAhead()
    {
        var gate = new HostGate();
        var first = await gate.EnterAsync(new Uri("https://news.example/a"), CancellationToken.None);
        var sameHost = gate.EnterAsync(new Uri("https://NEWS.example/b"), CancellationToken.None);
        var otherHost = gate.EnterAsync(new Uri("https://wire.example/a"), CancellationToken.None);

        Assert.False(sameHost.IsCompleted);
        Assert.True(otherHost.IsCompletedSuccessfully);
        first.Dispose();
        (await sameHost).Dispose();
        (await otherHost).Dispose();
    }
}

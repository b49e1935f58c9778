using Microsoft.Extensions.Time.Testing;
using NewsQA.Core.Providers;

namespace NewsQA.Core.Tests.Providers;

public class ModelDeadlineTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Fact]
    public void TheToken_IsCancelledAtTheDeadline_AndNoPromptStartsInItsLastTenth()
    {
        var clock = new FakeTimeProvider();
        using var deadline = new ModelDeadline(Budget, clock, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(8.9));
        Assert.False(deadline.TooLateToStart);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(deadline.TooLateToStart);
        Assert.False(deadline.Token.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(0.9));
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void TheCallerGoingAway_CancelsTheToken()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = new ModelDeadline(Budget, new FakeTimeProvider(), caller.Token);

        caller.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.True(deadline.TooLateToStart);
    }
}

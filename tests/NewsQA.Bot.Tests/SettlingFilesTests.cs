using NewsQA.Bot.Watching;

namespace NewsQA.Bot.Tests;

/// <summary>How the watcher waits for a changed file to settle before it is read (time is given, so nothing waits).</summary>
public sealed class SettlingFilesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);
    private const string Path = "/corpus/new.md";

    private static FileStamp Stamp(long length) => new(length, T0.UtcDateTime);

    [Fact]
    public void AFileThatStoppedChanging_SettlesAfterTheSettleTime_AndOnlyThen()
    {
        var settling = new SettlingFiles(Settle);
        settling.Touch(Path, Stamp(10), T0);

        Assert.Empty(settling.TakeSettled(T0 + TimeSpan.FromMilliseconds(999), _ => Stamp(10)));
        Assert.Equal([Path], settling.TakeSettled(T0 + Settle, _ => Stamp(10)));
        Assert.Equal(0, settling.Count);
    }

    [Fact]
    public void AFileStillBeingWritten_KeepsWaiting_FromItsLastChange()
    {
        var settling = new SettlingFiles(Settle);
        settling.Touch(Path, Stamp(10), T0);
        settling.Touch(Path, Stamp(20), T0 + TimeSpan.FromMilliseconds(600)); // the writer wrote more

        Assert.Empty(settling.TakeSettled(T0 + TimeSpan.FromMilliseconds(1100), _ => Stamp(20)));
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1600), settling.NextDue);
        Assert.Equal([Path], settling.TakeSettled(T0 + TimeSpan.FromMilliseconds(1600), _ => Stamp(20)));
    }

    [Fact]
    public void AChangeNoEventReported_IsCaughtWhenItIsDue_AndStartsTheWaitAgain()
    {
        var settling = new SettlingFiles(Settle);
        settling.Touch(Path, Stamp(10), T0);

        // Due, but the file has grown since it was seen: it is not read half-way, it waits from now.
        Assert.Empty(settling.TakeSettled(T0 + Settle, _ => Stamp(30)));
        Assert.Equal(T0 + Settle + Settle, settling.NextDue);
        Assert.Equal([Path], settling.TakeSettled(T0 + Settle + Settle, _ => Stamp(30)));
    }

    [Fact]
    public void SeeingTheSameStamp_DoesNotPostponeIt()
    {
        var settling = new SettlingFiles(Settle);
        settling.Touch(Path, Stamp(10), T0);
        settling.Touch(Path, Stamp(10), T0 + TimeSpan.FromMilliseconds(900)); // a repeated event, no new bytes

        Assert.Equal([Path], settling.TakeSettled(T0 + Settle, _ => Stamp(10)));
    }

    [Fact]
    public void ARemovedFile_SettlesAsRemoved()
    {
        var settling = new SettlingFiles(Settle);
        settling.Touch(Path, null, T0);

        Assert.Equal([Path], settling.TakeSettled(T0 + Settle, _ => null));
    }
}

using System.Runtime.InteropServices;

namespace NewsQA.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into cancellation of the running command, so `newsqa index` stops at the next
/// file instead of finishing the run, and the previous index stays as it was. A second signal ends the process at once.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals(CancellationToken outer)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested) return; // the second signal: the default, ending the process
        context.Cancel = true;
        _cancel.Cancel();
    }
}

using System.Runtime.InteropServices;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Tells whether any process has a file open for writing, so that a writer that pauses mid-file (a slow copy, an
/// editor, a script between two writes) is waited for rather than read half-way. Linux grants a read lease
/// (fcntl F_SETLEASE) only on a file no one has open for writing, so asking for one and giving it straight back
/// answers the question without reading the file. The answer is null where it cannot be had: another system, a file
/// this user does not own (leases need ownership), a file system without leases; the caller then goes by size and time.
/// </summary>
public static partial class FileWriters
{
    // Linux's values on x86-64 and ARM64 (asm-generic), the platforms .NET runs on there.
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int SetSignal = 10;
    private const int SetLease = 1024;
    private const int ReadLease = 0;
    private const int NoLease = 2;
    private const int TryAgain = 11;

    // A lease is broken by a signal to its holder, SIGIO by default, whose default action ends the process; the lease
    // is held for microseconds, but should a writer open the file then, SIGURG, which is ignored by default, is sent.
    private const int UrgentSignal = 23;

    /// <summary>True when the file is open for writing somewhere, false when it is not, null when that cannot be told.</summary>
    public static bool? AreWriting(string path)
    {
        if (!OperatingSystem.IsLinux() || FileKindProbe.Of(path) != FileKind.Regular) return null;
        try
        {
            var fd = Open(path, ReadOnly | NonBlocking | CloseOnExec);
            if (fd < 0) return null;
            try
            {
                if (Fcntl(fd, SetSignal, UrgentSignal) != 0) return null;
                if (Fcntl(fd, SetLease, ReadLease) != 0) return Marshal.GetLastPInvokeError() == TryAgain ? true : null;
                Fcntl(fd, SetLease, NoLease);
                return false;
            }
            finally
            {
                Close(fd);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

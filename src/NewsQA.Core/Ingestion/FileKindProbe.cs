using System.Runtime.InteropServices;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Tells what kind of file a path names, following symbolic links, without opening it: opening a named pipe blocks
/// until a writer comes, and a device such as /dev/zero never ends, so the kind must be known before the first read.
/// .NET does not expose the file type, so on Linux this asks statx(2), whose result layout is the same on every
/// architecture; elsewhere only directories and missing paths are told apart from regular files.
/// </summary>
public static partial class FileKindProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int TooManyLinks = 40;

    public static FileKind Of(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path) is { } kind) return kind;
        if (Directory.Exists(path)) return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    private static FileKind? TryStatx(string path)
    {
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error is NoSuchFile or NotADirectory or TooManyLinks ? FileKind.Missing : null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a C library without statx (glibc before 2.28): fall back
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.NamedPipe,
            0xC000 => FileKind.Socket,
            _ => FileKind.Device, // character and block devices
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}

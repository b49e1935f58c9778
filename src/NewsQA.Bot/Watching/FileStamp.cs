namespace NewsQA.Bot.Watching;

/// <summary>What a listing tells of a file without reading it: its size and last write time. Null stands for "no such file".</summary>
public readonly record struct FileStamp(long Length, DateTime WrittenUtc)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}

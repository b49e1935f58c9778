namespace NewsQA.Core.Ingestion;

/// <summary>What a path names once symbolic links are followed. Only regular files are read as articles.</summary>
public enum FileKind
{
    Regular,
    Directory,
    NamedPipe,
    Device,
    Socket,
    Missing,
}

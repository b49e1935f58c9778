using NewsQA.Core.Corpus;
using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Watching;

/// <summary>
/// The file system's change events for the article files directly in one folder (a writer's temporary files and
/// other names are passed over). A rename reports both names; a lost event (the queue overflowed) is reported as such,
/// for the listener to list the folder again. Where events cannot be had (the inotify limits), <see cref="Start"/> says why.
/// </summary>
public sealed class FolderEvents(Action<string> changed, Action lost) : IDisposable
{
    // The largest buffer the events may need before they are read; 64 KB is what Windows allows over the network and
    // holds about a thousand events of long names.
    private const int BufferBytes = 64 * 1024;

    private FileSystemWatcher? _watcher;

    /// <summary>Starts reporting; null when it did, else the reason it cannot.</summary>
    public string? Start(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                InternalBufferSize = BufferBytes,
            };
            watcher.Created += (_, e) => Report(e.FullPath);
            watcher.Changed += (_, e) => Report(e.FullPath);
            watcher.Deleted += (_, e) => Report(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Report(e.OldFullPath);
                Report(e.FullPath);
            };
            watcher.Error += (_, _) => lost();
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            return null;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private void Report(string path)
    {
        if (CorpusReader.IsArticlePath(path) && !ArticleFile.IsTemporary(path)) changed(path);
    }

    public void Dispose() => _watcher?.Dispose();
}

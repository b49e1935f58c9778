using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>
/// What a corpus folder already holds, for de-duplication: each article's link (from its front matter or HTML
/// metadata) and the fingerprint of its body. Refreshed from the folder before every check, re-parsing only files
/// whose bytes changed, since people and other tools add and remove files too. A folder whose files' sizes and times
/// are as they were is not read again, so checking each item of a feed costs one listing of the folder. A file past
/// Corpus:MaxFileBytes is skipped here as the indexer skips it: the catalog holds what the index can hold.
/// </summary>
internal sealed class CorpusCatalog(string folder, int maxFileBytes)
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Dictionary<string, (long Length, DateTime Written)> _stamps = new(StringComparer.Ordinal);

    public sealed record Entry(string DocumentId, string ContentHash, string? LinkKey, string Fingerprint);

    public void Refresh()
    {
        var stamps = Stamps();
        if (stamps.Count == _stamps.Count && stamps.All(s => _stamps.TryGetValue(s.Key, out var known) && known == s.Value)) return;
        _stamps = stamps;
        var current = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in CorpusReader.Read(folder, [], maxFileBytes))
        {
            if (_entries.TryGetValue(file.Path, out var known) && known.ContentHash == file.ContentHash)
            {
                current[file.Path] = known;
                continue;
            }

            var article = ArticleLoader.Parse(file);
            var link = article.Url is not null && WebLink.TryParse(article.Url, out var uri) ? WebLink.Key(uri) : null;
            current[file.Path] = new Entry(file.DocumentId, file.ContentHash, link, ContentFingerprint.Of(article.Paragraphs));
        }

        _entries = current;
    }

    public Entry? WithLink(Uri url)
    {
        var key = WebLink.Key(url);
        return _entries.Values.FirstOrDefault(e => e.LinkKey == key);
    }

    public Entry? WithFingerprint(string fingerprint) => _entries.Values.FirstOrDefault(e => e.Fingerprint == fingerprint);

    public bool HasDocument(string documentId) => _entries.Values.Any(e => e.DocumentId == documentId);

    public void Add(string path, Entry entry)
    {
        var file = new FileInfo(path);
        _entries[file.FullName] = entry;
        _stamps[file.FullName] = (file.Length, file.LastWriteTimeUtc);
    }

    private Dictionary<string, (long Length, DateTime Written)> Stamps() => new DirectoryInfo(folder).EnumerateFiles()
        .Where(f => CorpusReader.Extensions.Contains(f.Extension.ToLowerInvariant()))
        .ToDictionary(f => f.FullName, f => (f.Length, f.LastWriteTimeUtc), StringComparer.Ordinal);
}

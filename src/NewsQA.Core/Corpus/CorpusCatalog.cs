using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>
/// What a corpus folder already holds, for de-duplication: each article's link (from its front matter or HTML
/// metadata) and the fingerprint of its body. Refreshed from the folder before every check, re-parsing only files
/// whose bytes changed, since people and other tools add and remove files too.
/// </summary>
internal sealed class CorpusCatalog(string folder)
{
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed record Entry(string DocumentId, string ContentHash, string? LinkKey, string Fingerprint);

    public void Refresh()
    {
        var current = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var file in CorpusReader.Read(folder, []))
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

    public void Add(string path, Entry entry) => _entries[path] = entry;
}

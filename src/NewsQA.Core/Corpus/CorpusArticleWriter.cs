using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Corpus;

/// <summary>
/// Writes articles into a corpus folder, the one source of truth, and removes them. An article whose link or body
/// the folder already holds is not written again. Files are written atomically: the text goes to a temporary file in
/// the folder (a name the corpus reader never reads), is flushed to disk, and is then renamed, so a reader sees the
/// whole article or none of it. Writes to the folder are serialized, so two sources cannot race past a duplicate check.
/// </summary>
public sealed class CorpusArticleWriter(IOptions<CorpusOptions> corpus)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, CorpusCatalog> _catalogs = new(StringComparer.Ordinal);

    /// <summary>The document id of the article already in the folder under this link, or null.</summary>
    public async Task<string?> FindLinkAsync(string folder, Uri url, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = Catalog(folder);
            catalog.Refresh();
            return catalog.WithLink(url)?.DocumentId;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes <paramref name="article"/> unless its link or its body is already in the folder.</summary>
    public async Task<ArticleWrite> WriteAsync(string folder, NewArticle article, CancellationToken cancellationToken)
    {
        var metadata = article.Metadata with { Language = article.Metadata.Language ?? DetectLanguage(article) };
        var text = ArticleFile.Render(article with { Metadata = metadata });
        // The fingerprint of the file as the corpus reader will read it back, so that it matches the catalog's.
        var reread = ArticleLoader.Parse(new CorpusFile("new", "new" + ArticleFile.Extension, text, string.Empty));
        var fingerprint = ContentFingerprint.Of(reread.Paragraphs);

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = Catalog(folder);
            catalog.Refresh();
            if (metadata.Url is not null && WebLink.TryParse(metadata.Url, out var url) && catalog.WithLink(url) is { } sameLink)
            {
                return new ArticleWrite(sameLink.DocumentId, null, sameLink.DocumentId, $"already in the corpus as {sameLink.DocumentId} (same link)");
            }

            if (catalog.WithFingerprint(fingerprint) is { } sameText)
            {
                return new ArticleWrite(sameText.DocumentId, null, sameText.DocumentId, $"already in the corpus as {sameText.DocumentId} (same text)");
            }

            var baseId = ArticleFile.DocumentIdFor(metadata, fingerprint);
            var documentId = baseId;
            for (var n = 2; catalog.HasDocument(documentId) || Exists(folder, documentId); n++) documentId = $"{baseId}-{n}";
            var path = Path.Combine(folder, documentId + ArticleFile.Extension);
            var bytes = Encoding.UTF8.GetBytes(text);
            await WriteAtomicallyAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            var link = metadata.Url is not null && WebLink.TryParse(metadata.Url, out var written) ? WebLink.Key(written) : null;
            catalog.Add(path, new CorpusCatalog.Entry(documentId, Convert.ToHexStringLower(SHA256.HashData(bytes)), link, fingerprint));
            return new ArticleWrite(documentId, path, null, null);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Removes the article with this document id; the paths removed (none when the folder has no such article).</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string folder, string documentId, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Matched against the folder's own file names, so no id can name a path outside it.
            var paths = CorpusReader.ArticlePaths(folder, documentId).ToList();
            foreach (var path in paths) File.Delete(path);
            return paths;
        }
        finally
        {
            _lock.Release();
        }
    }

    private static bool Exists(string folder, string documentId) => CorpusReader.ArticlePaths(folder, documentId).Any();

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = ArticleFile.TemporaryPathFor(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static string? DetectLanguage(NewArticle article) =>
        LanguageDetector.Detect(string.Join(' ', article.Paragraphs.Take(5).Select(p => p.Text))) switch
        {
            TextLanguage.Arabic => "ar",
            TextLanguage.English => "en",
            _ => null,
        };

    private CorpusCatalog Catalog(string folder)
    {
        var key = Path.GetFullPath(folder);
        if (!_catalogs.TryGetValue(key, out var catalog)) _catalogs[key] = catalog = new CorpusCatalog(key, corpus.Value.MaxFileBytes);
        return catalog;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Corpus;

/// <summary>
/// How an ingested article is written into the corpus folder: a Markdown file whose front matter holds title, date,
/// source, url and language, then the title as a heading and the paragraphs. Its name is its document id: the date,
/// a few Latin words of the title (or the site's name) and a hash of its link, so it is stable and safe on any file
/// system. While it is written it has a temporary name the corpus reader never reads.
/// </summary>
public static class ArticleFile
{
    public const string Extension = ".md";

    /// <summary>Files being written end in this; the corpus reader reads only .txt, .md, .html and .htm.</summary>
    public const string TemporaryExtension = ".tmp";

    private const int MaxSlugWords = 8;
    private const int MaxSlugChars = 60;

    /// <summary>Whether a path is an article still being written (for a folder watcher to pass over).</summary>
    public static bool IsTemporary(string path) => path.EndsWith(TemporaryExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The temporary name an article is written under before it is renamed to <paramref name="finalPath"/>.</summary>
    public static string TemporaryPathFor(string finalPath) =>
        Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}{TemporaryExtension}");

    /// <summary>The file's text.</summary>
    public static string Render(NewArticle article)
    {
        var m = article.Metadata;
        var text = new StringBuilder(FrontMatter.Write(
        [
            new("title", m.Title),
            new("date", m.Published is { } published ? PublishedDate.Format(published) : null),
            new("source", m.Source),
            new("url", m.Url),
            new("language", m.Language),
        ]));
        if (m.Title is { Length: > 0 }) text.Append("\n# ").Append(m.Title).Append('\n');
        string? heading = null;
        foreach (var paragraph in article.Paragraphs)
        {
            if (paragraph.Heading is { } h && h != heading) text.Append("\n## ").Append(h).Append('\n');
            heading = paragraph.Heading;
            text.Append('\n').Append(paragraph.Text).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The document id (file name without extension) for an article.</summary>
    public static string DocumentIdFor(ArticleMetadata metadata, string fingerprint)
    {
        var identity = metadata.Url is not null && WebLink.TryParse(metadata.Url, out var uri) ? WebLink.Key(uri) : fingerprint;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..8];
        var slug = Slug(metadata.Title);
        if (slug.Length == 0 && metadata.Url is not null && WebLink.TryParse(metadata.Url, out var site)) slug = Slug(site.Host.Replace("www.", string.Empty, StringComparison.OrdinalIgnoreCase));
        if (slug.Length == 0) slug = "article";
        var date = metadata.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "-" : string.Empty;
        return $"{date}{slug}-{hash}";
    }

    // Latin letters and digits only: an Arabic title makes no slug (the site's name stands in), and no title can make
    // a path separator, a dot or a reserved name.
    private static string Slug(string? title)
    {
        if (title is null) return string.Empty;
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0 && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || c is '.' or '-'))
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0) words.Add(word.ToString());
        var slug = string.Join('-', words.Take(MaxSlugWords));
        return slug.Length <= MaxSlugChars ? slug : slug[..MaxSlugChars].TrimEnd('-');
    }
}

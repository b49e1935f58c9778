using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace NewsQA.Core.Ingestion;

/// <summary>
/// Parses HTML with AngleSharp, once per page, within bounds: elements nested more than <see cref="MaxDepth"/> deep
/// end the parse with an <see cref="ArticleFormatException"/>, and a cancellation token (the fetch's time budget) is
/// observed as the tokens arrive. Both are needed because AngleSharp's tree builder searches its stack of open
/// elements for every start tag: 40,000 unclosed &lt;div&gt;s took 6 to 10 s and 200,000 ran for minutes, even with
/// its own <see cref="HtmlParserOptions.MaximumDepth"/>, which flattens the tree but keeps the elements open.
/// </summary>
public static class BoundedHtmlParser
{
    /// <summary>
    /// Browsers render to 512 levels (Blink's parser limit); news pages nest 15 to 40, the heaviest seen under 100.
    /// Bounded at 256, every walk over the tree is too, and AngleSharp's per-tag search costs at most that.
    /// </summary>
    public const int MaxDepth = 256;

    // Tokens between looks at the cancellation token: a few microseconds of parsing.
    private const int TokensPerCheck = 1024;

    /// <summary>The document <paramref name="html"/> describes; throws <see cref="ArticleFormatException"/> when it nests too deep.</summary>
    public static IHtmlDocument Parse(string html, CancellationToken cancellationToken = default)
    {
        var guard = new Guard(cancellationToken);
        var parser = new HtmlParser(new HtmlParserOptions { OnCreated = guard.Created, OnToken = guard.Token });
        return parser.ParseDocument(html);
    }

    private sealed class Guard(CancellationToken cancellationToken)
    {
        private IElement? _last;
        private int _tokens;

        // An element is inserted into the tree after it is created, so when the next one is created the last one's
        // ancestors are its real nesting (AngleSharp's open elements): counted up to the limit, never further.
        public void Created(IElement element, TextPosition position)
        {
            var depth = 0;
            for (var ancestor = _last; ancestor is not null; ancestor = ancestor.ParentElement)
            {
                if (++depth > MaxDepth) throw new ArticleFormatException($"its elements are nested more than {MaxDepth} deep (line {position.Line})");
            }

            _last = element;
        }

        public void Token(HtmlToken token, TextRange range)
        {
            if (++_tokens % TokensPerCheck == 0) cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

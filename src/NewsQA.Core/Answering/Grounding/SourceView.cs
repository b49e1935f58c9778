using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering.Grounding;

/// <summary>
/// A cited source shown in full: the paragraph, its article (title, source credit, publication date and link, as far
/// as the index knows them), and the cited sentence.
/// </summary>
public sealed record SourceView(Passage Passage, IndexedArticle? Article, SentenceSpan? Highlight)
{
    public string? Source => Article?.Source;

    /// <summary>The paragraph with the cited sentence between ** marks (Markdown bold).</summary>
    public string MarkedText => Highlight is { } h
        ? $"{Passage.Text[..h.Start]}**{Passage.Text.Substring(h.Start, h.Length)}**{Passage.Text[h.End..]}"
        : Passage.Text;
}

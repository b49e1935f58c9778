using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering;

/// <summary>A cited source shown in full: the paragraph, its article's title and source credit, and the cited sentence.</summary>
public sealed record SourceView(Passage Passage, string? Source, SentenceSpan? Highlight)
{
    /// <summary>The paragraph with the cited sentence between ** marks (Markdown bold).</summary>
    public string MarkedText => Highlight is { } h
        ? $"{Passage.Text[..h.Start]}**{Passage.Text.Substring(h.Start, h.Length)}**{Passage.Text[h.End..]}"
        : Passage.Text;
}

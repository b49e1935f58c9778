using System.Text;
using System.Text.RegularExpressions;

namespace NewsQA.Core.Answering;

/// <summary>
/// What of a model's answer may be shown while it is still being written: the text so far with its markers checked as
/// <see cref="CitationValidator"/> checks them, less an unfinished marker at the end ("[1", which may yet be "[12]"),
/// and nothing while the reply could still be NOT_FOUND. What it shows only grows, so every channel can send it as the
/// next cumulative chunk.
/// </summary>
public sealed partial class StreamingAnswerText(int passageCount)
{
    private readonly StringBuilder _written = new();

    /// <summary>Everything the model has written so far, unchecked.</summary>
    public string Written => _written.ToString();

    /// <summary>Whether the provider failed part-way: what was written is then not an answer.</summary>
    public bool Failed { get; private set; }

    /// <summary>Everything shown so far.</summary>
    public string Shown { get; private set; } = string.Empty;

    /// <summary>Adds a piece of the model's reply; returns the new text to show, or null when nothing new can be shown yet.</summary>
    public string? Append(string piece)
    {
        _written.Append(piece);
        var written = _written.ToString();
        var trimmed = written.TrimStart();
        if (ModelAnswerGenerator.NotFound.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith(ModelAnswerGenerator.NotFound, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var open = UnfinishedMarkerPattern().Match(written);
        var text = CitationValidator.Markers(open.Success ? written[..open.Index] : written, passageCount);
        if (text.Length <= Shown.Length || !text.StartsWith(Shown, StringComparison.Ordinal)) return null;
        Shown = text;
        return text;
    }

    public void Fail() => Failed = true;

    [GeneratedRegex(@"\[[\s0-9٠-٩,،]*$")]
    private static partial Regex UnfinishedMarkerPattern();
}

using System.Text;
using NewsQA.Core.Answering.Grounding;

namespace NewsQA.Core.Answering.Generators;

/// <summary>
/// What of a model's answer may be shown while it is still being written: the text so far with its markers checked as
/// <see cref="CitationValidator"/> checks them, less what the next piece could still change (a marker group, open or
/// closed, and the white space before it: "[1" may yet be "[12]", "[1]" may yet be "[1][2]"), and nothing while the
/// reply could still be NOT_FOUND. What it shows only grows, so every channel can send it as the next cumulative chunk.
/// The work is linear in the reply's length: each character is scanned once and each settled stretch rewritten once;
/// past <see cref="EveryPieceUpTo"/> characters the text is offered again only once it has grown by a
/// <see cref="GrowthShare"/> of itself, so the copies handed out stay linear too. The reply is read up to
/// <c>maxChars</c>, then <see cref="Capped"/>.
/// </summary>
public sealed class StreamingAnswerText(int passageCount, int maxChars = int.MaxValue)
{
    /// <summary>Up to this many characters shown, every piece is offered (an ordinary answer streams piece by piece).</summary>
    public const int EveryPieceUpTo = 4096;

    /// <summary>Past <see cref="EveryPieceUpTo"/>, the growth (as a share of the text shown) that is offered again.</summary>
    public const double GrowthShare = 1.0 / 32;

    private readonly StringBuilder _written = new();
    private readonly StringBuilder _shown = new();
    private readonly Dictionary<int, int> _renumber = [];
    private Scan _scan;
    private int _settledEnd; // what is before it can no longer change; rewritten into _shown up to _rewritten
    private int _rewritten;
    private int _lastNonSpaceEnd;
    private int _firstNonSpace = -1;
    private Opening _opening;

    private enum Scan
    {
        Text,
        Bracket, // after "[", with only digits, commas and white space since
        Group, // after a closed bracket, which more markers may yet join
    }

    private enum Opening
    {
        Undecided,
        Answer,
        NotFound,
    }

    /// <summary>Everything the model has written so far (up to the cap), unchecked.</summary>
    public string Written => _written.ToString();

    /// <summary>Everything offered to be shown so far.</summary>
    public string Shown { get; private set; } = string.Empty;

    /// <summary>Whether the reply reached the cap: the rest is not to be read.</summary>
    public bool Capped { get; private set; }

    /// <summary>Adds a piece of the model's reply; returns the new text to show, or null when nothing new is offered yet.</summary>
    public string? Append(string piece)
    {
        if (Capped) return null;
        if (_written.Length + piece.Length > maxChars)
        {
            piece = piece[..(maxChars - _written.Length)];
            Capped = true;
        }

        var start = _written.Length;
        _written.Append(piece);
        for (var i = 0; i < piece.Length; i++) Read(piece[i], start + i);
        if (!Opens()) return null;

        if (_settledEnd > _rewritten)
        {
            var rewritten = CitationValidator.Rewrite(_written.ToString(_rewritten, _settledEnd - _rewritten), passageCount, _renumber, null);
            _shown.Append(_shown.Length == 0 ? rewritten.TrimStart() : rewritten);
            _rewritten = _settledEnd;
        }

        var grown = _shown.Length - Shown.Length;
        if (grown <= 0 || (_shown.Length > EveryPieceUpTo && grown < GrowthShare * Shown.Length)) return null;
        Shown = _shown.ToString();
        return Shown;
    }

    // Moves the settled end past each character that no later one can change: text outside a marker group.
    private void Read(char c, int at)
    {
        var space = char.IsWhiteSpace(c);
        if (!space && _firstNonSpace < 0) _firstNonSpace = at;
        switch (_scan)
        {
            case Scan.Text when c == '[':
                _scan = Scan.Bracket;
                break;
            case Scan.Text:
                if (!space) _settledEnd = at + 1;
                break;
            case Scan.Bracket when c == ']':
                _scan = Scan.Group;
                break;
            case Scan.Bracket when c == '[':
                _settledEnd = _lastNonSpaceEnd; // the "[" before was text; this one may open a group
                break;
            case Scan.Bracket when space || char.IsAsciiDigit(c) || c is >= '٠' and <= '٩' or ',' or '،':
                break;
            case Scan.Group when c == '[':
                _scan = Scan.Bracket;
                break;
            case Scan.Group when space:
                break;
            default:
                _scan = Scan.Text;
                _settledEnd = at + 1;
                break;
        }

        if (!space) _lastNonSpaceEnd = at + 1;
    }

    // Whether the reply is an answer, not NOT_FOUND; decided once its first characters are in.
    private bool Opens()
    {
        if (_opening != Opening.Undecided || _firstNonSpace < 0) return _opening == Opening.Answer;
        var notFound = ModelAnswerGenerator.NotFound;
        var length = Math.Min(notFound.Length, _written.Length - _firstNonSpace);
        var head = _written.ToString(_firstNonSpace, length);
        if (!notFound.StartsWith(head, StringComparison.OrdinalIgnoreCase)) _opening = Opening.Answer;
        else if (length == notFound.Length) _opening = Opening.NotFound;
        return _opening == Opening.Answer;
    }
}

using System.Text;

namespace NewsQA.Cli.Output;

/// <summary>
/// Answer text on its way to standard output: in a terminal, Markdown's **bold** is drawn bold (ANSI escapes) without
/// its asterisks; redirected to a file or a pipe (or with NO_COLOR set, or TERM=dumb), the text is left as written,
/// plain text with no escape codes. Fed piece by piece, a "**" split between two pieces is still recognised.
/// </summary>
public sealed class TerminalText(bool ansi)
{
    private const string Bold = "\u001b[1m";
    private const string Normal = "\u001b[22m";

    private bool _bold;
    private bool _star; // a '*' held back: it may be the first half of a "**" that ends in the next piece

    /// <summary>For standard output as it is now: a terminal that takes escapes, or not.</summary>
    public static TerminalText ForConsole() => new(!Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb");

    /// <summary>The next piece of a text written piece by piece.</summary>
    public string Write(string piece)
    {
        if (!ansi) return piece;
        var builder = new StringBuilder(piece.Length + 8);
        foreach (var c in piece)
        {
            if (c == '*' && !_star)
            {
                _star = true;
                continue;
            }

            if (c == '*')
            {
                builder.Append(_bold ? Normal : Bold);
                _bold = !_bold;
                _star = false;
                continue;
            }

            if (_star) builder.Append('*');
            _star = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>What ends the text: a '*' still held back, and the bold it left open closed.</summary>
    public string End()
    {
        var end = (_star ? "*" : string.Empty) + (_bold ? Normal : string.Empty);
        _star = _bold = false;
        return end;
    }

    /// <summary>A whole text.</summary>
    public string Render(string text) => Write(text) + End();
}

using System.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// Keeps mixed Arabic and English text in order wherever it is shown (Unicode's bidirectional isolates, UAX #9): in
/// each line, a run of the other direction than the line's own (its first strong letter's, as HTML's dir="auto" reads
/// it) is isolated, so that the quote marks, brackets, markers and full stops around it stay on its side of the line;
/// a paragraph number is kept left to right ("¶8", not "8¶", in an Arabic line).
/// </summary>
public static class BidiText
{
    public const char LeftToRightIsolate = '\u2066';
    public const char RightToLeftIsolate = '\u2067';
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';

    /// <summary>"¶n", isolated left to right.</summary>
    public static string Paragraph(int paragraph) => $"{LeftToRightIsolate}¶{paragraph}{PopDirectionalIsolate}";

    /// <summary>A text shown inside another of unknown direction (a title, a sentence), isolated as a whole.</summary>
    public static string Isolated(string text) => $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";

    /// <summary>Whether a text reads right to left: its first strong letter is Arabic.</summary>
    public static bool IsRightToLeft(string text) => text.Select(Direction).FirstOrDefault(d => d != 0) < 0;

    /// <summary>The text with every run against its line's direction isolated.</summary>
    public static string IsolateRuns(string text) => string.Join('\n', text.Split('\n').Select(IsolateLine));

    private static string IsolateLine(string line)
    {
        var lineDirection = line.Select(Direction).FirstOrDefault(d => d != 0);
        if (lineDirection == 0) return line;
        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length;)
        {
            if (Direction(line[i]) != -lineDirection)
            {
                builder.Append(line[i++]);
                continue;
            }

            // The run: from this letter to the last letter of the same direction before one of the line's own.
            var end = i;
            for (var j = i; j < line.Length && Direction(line[j]) != lineDirection; j++)
            {
                if (Direction(line[j]) == -lineDirection) end = j;
            }

            builder.Append(lineDirection > 0 ? RightToLeftIsolate : LeftToRightIsolate).Append(line, i, end + 1 - i).Append(PopDirectionalIsolate);
            i = end + 1;
        }

        return builder.ToString();
    }

    // 1 for a left-to-right letter, -1 for a right-to-left one, 0 for digits, spaces and punctuation (weak or neutral).
    private static int Direction(char c) => c switch
    {
        >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => char.IsLetter(c) ? -1 : 0,
        _ => char.IsLetter(c) ? 1 : 0,
    };
}

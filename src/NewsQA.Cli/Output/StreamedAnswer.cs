using NewsQA.Core.Answering;

namespace NewsQA.Cli.Output;

/// <summary>
/// An answer written to the terminal as the model writes it: each update's new text as it arrives, then the citation
/// lines. Updates only grow, so the terminal never has to take text back, except when the final check changed what was
/// shown (a sentence its citation does not support is dropped, or the offline answer replaces the model's): the final
/// answer is then printed whole under a rule and a line that says which, so the last thing on screen is what holds.
/// </summary>
public static class StreamedAnswer
{
    public static async Task<Answer> WriteAsync(IAsyncEnumerable<AnswerUpdate> updates, TextWriter output, TerminalText? terminal = null)
    {
        terminal ??= new TerminalText(ansi: false);
        var shown = string.Empty;
        Answer? final = null;
        // Read to the end, not to the final update: the conversation records the turn after it.
        await foreach (var update in updates.ConfigureAwait(false))
        {
            if (update.Final is not null)
            {
                final = update.Final;
                continue;
            }

            if (update.Text.Length <= shown.Length || !update.Text.StartsWith(shown, StringComparison.Ordinal)) continue;
            await output.WriteAsync(terminal.Write(update.Text[shown.Length..])).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            shown = update.Text;
        }

        ArgumentNullException.ThrowIfNull(final, "the answer's final update");
        if (shown.Length == 0) await output.WriteLineAsync(terminal.Render(AnswerText.Describe(final))).ConfigureAwait(false);
        else if (final.Text == shown) await output.WriteLineAsync(terminal.End() + "\n" + AnswerText.Citations(final)).ConfigureAwait(false);
        else await output.WriteLineAsync($"{terminal.End()}\n── {AnswerTexts.FinalChange(shown, final)}\n{terminal.Render(AnswerText.Describe(final))}").ConfigureAwait(false);
        return final;
    }
}

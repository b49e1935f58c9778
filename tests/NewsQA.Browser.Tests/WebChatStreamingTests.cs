using Microsoft.Playwright;
using NewsQA.Testing;

namespace NewsQA.Browser.Tests;

/// <summary>
/// The web chat with a language model (a loopback OpenAI-compatible server): the answer grows on screen as the model
/// writes it, then the final message arrives with its citation. The model holds its second piece until the test has
/// seen the first on screen, so what is checked does not depend on how fast anything runs.
/// </summary>
public sealed class WebChatStreamingTests
{
    private const string FirstPiece = "رفع حلف الناتو عدد جنوده في العراق ";

    [BrowserFact]
    public async Task TheAnswerGrowsOnScreen_BeforeTheFinalMessageWithItsCitation()
    {
        await using var model = await LoopbackModelServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        model.Reply = r => r.IsAnswer ? [FirstPiece, $"من 500 إلى 4000 فرد [{r.PassageContaining("4000")}]."] : ["NOT_FOUND"];
        model.BeforePiece = (r, i) => r.IsAnswer && i == 1 ? release.Task.WaitAsync(TimeSpan.FromSeconds(60)) : Task.CompletedTask;
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["NEWSQA_AI__Provider"] = "OpenAICompatible",
            ["NEWSQA_AI__Endpoint"] = model.Endpoint.ToString(),
            ["NEWSQA_AI__ChatModel"] = "test-model",
            ["NEWSQA_AI__ApiKey"] = model.ExpectedKey,
        });
        using var playwright = await Playwright.CreateAsync();
        var (browser, page) = await Chromium.OpenAsync(playwright);
        await using var _ = browser;

        await page.GotoAsync(bot.Address.ToString());
        await page.GetByText("مرحبا! أنا NewsQA").First.WaitForAsync(new() { Timeout = 30_000 });
        var box = page.GetByPlaceholder("اكتب سؤالك هنا");
        await box.FillAsync("كم رفع الناتو عدد جنوده في العراق؟");
        await box.PressAsync("Enter");

        // The first piece is on screen while the model is still writing: no figure yet, no citation.
        await page.GetByText(FirstPiece.Trim()).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, await page.GetByText("4000 فرد").CountAsync());
        Assert.Equal(0, await page.GetByText("الصدام بين الفصائل والقوات الامريكية \u2066¶8\u2069").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-streaming-partial.png") });

        release.SetResult();
        await page.GetByText("من 500 إلى 4000 فرد").First.WaitForAsync(new() { Timeout = 30_000 });
        var reference = page.GetByText("الصدام بين الفصائل والقوات الامريكية \u2066¶8\u2069").Last;
        await reference.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-streaming-final.png") });

        // The final message carries the citation; it opens the paragraph.
        await reference.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "الصدام بين الفصائل والقوات الامريكية \u2066¶8\u2069" });
        await dialog.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("ينس ستولتنبرغ", await dialog.InnerTextAsync());
    }
}

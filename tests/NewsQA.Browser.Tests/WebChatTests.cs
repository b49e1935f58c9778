using Microsoft.Playwright;
using NewsQA.Testing;

namespace NewsQA.Browser.Tests;

/// <summary>The web chat in a real browser: ask in Arabic, see the cited answer, open the source, switch to English.</summary>
public class WebChatTests
{
    [BrowserFact]
    public async Task WebChat_AnswersInArabicWithACitation_ShowsTheSource_ThenAnswersInEnglish()
    {
        // Every gated short answer shown: the shipped gate shows none (docs/answering.md#measured).
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string> { ["NEWSQA_Answering__MinShortAnswerConfidence"] = "0" });
        using var playwright = await Playwright.CreateAsync();
        var (browser, page) = await Chromium.OpenAsync(playwright);
        await using var _ = browser;

        await page.GotoAsync(bot.Address.ToString());
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.GetByText("مرحبا! أنا NewsQA").First.WaitForAsync(new() { Timeout = 30_000 });

        var arabicBox = page.GetByPlaceholder("اكتب سؤالك هنا");
        await arabicBox.FillAsync("كم رفع الناتو عدد جنوده في العراق؟");
        await arabicBox.PressAsync("Enter");
        var answer = page.GetByText("ورفع عدد جنوده من 500 الى 4000 فرد").First;
        await answer.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.Locator("strong", new() { HasText = "4000 فرد" }).CountAsync() > 0); // the short answer leads, in bold
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-arabic-answer.png") });

        // The citation's reference opens a dialog with the whole paragraph, its title, and the cited sentence in bold.
        var reference = page.GetByText("الصدام بين الفصائل والقوات الامريكية \u2066¶8\u2069").Last;
        await reference.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "الصدام بين الفصائل والقوات الامريكية \u2066¶8\u2069" });
        await dialog.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("ينس ستولتنبرغ", await dialog.InnerTextAsync());
        Assert.Contains("الصدام بين الفصائل والقوات الامريكية", await dialog.InnerTextAsync());
        Assert.True(await dialog.Locator("strong").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-arabic-source.png") });
        await page.Keyboard.PressAsync("Escape");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        var englishBox = page.GetByPlaceholder("Type your question");
        await englishBox.FillAsync("Who commands the French forces in the Middle East?");
        await englishBox.PressAsync("Enter");
        await page.GetByText("The articles (in Arabic) say:").First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.GetByText("إيمانويل سلارس").CountAsync() > 0);
        Assert.True(await page.GetByText("transliterated from the Arabic").CountAsync() > 0); // the romanized name, marked
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-english-answer.png") });
    }
}

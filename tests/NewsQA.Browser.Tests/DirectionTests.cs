using Microsoft.Playwright;

namespace NewsQA.Browser.Tests;

/// <summary>
/// Text in both directions in a real browser: an Arabic quote and an Arabic source reads right to left in the English
/// page, the English welcome and example left to right in the Arabic page; a citation links to its source page with
/// the sentence highlighted; on a phone the header leaves the screen to the conversation. Screenshots in screenshots/.
/// </summary>
public sealed class DirectionTests(WebChatFixture web) : IClassFixture<WebChatFixture>
{
    private static Task<string> DirectionAsync(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).direction");

    // What the page shows (Web Chat also writes each message into a hidden live region for screen readers).
    private static ILocator Shown(IPage page, string text) => page.Locator(".webchat__bubble__content, .webchat__suggested-actions").GetByText(text).First;

    [BrowserFact]
    public async Task TheArabicPage_ShowsTheEnglishWelcomeAndExample_LeftToRight()
    {
        var page = await web.OpenAsync();
        var english = Shown(page, "I answer questions from the news articles");

        Assert.Equal("rtl", await DirectionAsync(page.Locator("html")));
        Assert.Equal("rtl", await DirectionAsync(Shown(page, "مرحبا! أنا NewsQA")));
        Assert.Equal("ltr", await DirectionAsync(english));
        Assert.Equal("ltr", await DirectionAsync(Shown(page, "Who commands the French forces in the Middle East?"))); // the suggested action
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "direction-arabic-page-english-welcome.png") });
    }

    [BrowserFact]
    public async Task TheEnglishPage_ShowsAnArabicQuoteAndItsSource_RightToLeft_AndLinksTheHighlightedSentence()
    {
        var page = await web.OpenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        var box = page.GetByPlaceholder("Type your question");
        await box.FillAsync("What did Defense Secretary Lloyd Austin say about the attacks?");
        await box.PressAsync("Enter");
        var quote = Shown(page, "وعلق وزير الدفاع الأمريكى لويد أوستن");
        await quote.WaitForAsync(new() { Timeout = 30_000 });

        Assert.Equal("ltr", await DirectionAsync(page.Locator("html")));
        Assert.Equal("rtl", await DirectionAsync(quote));
        Assert.Equal("ltr", await DirectionAsync(Shown(page, "The articles (in Arabic) say:")));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "direction-english-page-arabic-quote.png") });

        // The reference opens the paragraph, right to left, with a link to the source page that highlights the sentence.
        await page.Locator(".webchat__render-markdown__citation, [class*='link-definitions__badge']").Last.ClickAsync();
        var dialog = page.Locator("dialog.webchat__citation-modal-dialog");
        await dialog.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("rtl", await DirectionAsync(dialog.GetByText("وعلق وزير الدفاع الأمريكى لويد أوستن").First));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "direction-english-page-arabic-source.png") });
        var link = dialog.GetByRole(AriaRole.Link, new() { Name = "The sentence in its paragraph" });
        var href = await link.GetAttributeAsync("href");
        Assert.Contains("/sources/", href);

        var source = await web.Browser.NewPageAsync();
        await source.GotoAsync(href!);
        var mark = source.Locator("mark");
        Assert.Contains("هذه الهجمات يجب أن تتوقف", await mark.InnerTextAsync());
        Assert.Equal("rtl", await DirectionAsync(mark));
        await source.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "source-page-highlighted.png") });
    }

    [BrowserFact]
    public async Task OnAPhone_TheHeaderAndExamplesTakeLittleOfTheScreen()
    {
        var page = await web.OpenAsync(width: 390, height: 844);

        var examples = await page.Locator(".examples").BoundingBoxAsync();
        Assert.True(examples!.Y + examples.Height <= 110, $"the header and examples end {examples.Y + examples.Height} px down a 844 px screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "phone-390.png") });
    }
}

using Microsoft.Playwright;

namespace NewsQA.Browser.Tests;

/// <summary>Debian's Chromium, headless and offline, with a page the size the screenshots are taken at.</summary>
public static class Chromium
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<(IBrowser Browser, IPage Page)> OpenAsync(IPlaywright playwright)
    {
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
        return (browser, await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 } }));
    }
}

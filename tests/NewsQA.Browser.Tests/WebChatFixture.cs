using Microsoft.Playwright;
using NewsQA.Testing;

namespace NewsQA.Browser.Tests;

/// <summary>One bot process and one browser for a test class; each test opens a page of its own on the web chat.</summary>
public sealed class WebChatFixture : IAsyncLifetime
{
    private BotProcess? _bot;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser!;

    /// <summary>The bot process's address.</summary>
    public Uri Address => _bot!.Address;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium)) return; // the tests report themselves skipped
        _bot = await BotProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        (_browser, var first) = await Chromium.OpenAsync(_playwright);
        await first.CloseAsync();
    }

    /// <summary>A new page on the web chat, once its welcome is shown.</summary>
    public async Task<IPage> OpenAsync(int width = 1100, int height = 900)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        await page.GotoAsync(_bot!.Address.ToString());
        await page.GetByText("مرحبا! أنا NewsQA").First.WaitForAsync(new() { Timeout = 30_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_bot is not null) await _bot.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Playwright;

namespace NewsQA.Browser.Tests;

/// <summary>
/// The web chat survives a refresh and a dropped socket: the tab keeps its Direct Line conversation and token for its
/// session (sessionStorage), and shows the conversation so far, each activity once, then carries on in it.
/// </summary>
public sealed class WebChatResumeTests(WebChatFixture fixture) : IClassFixture<WebChatFixture>
{
    private const string NatoAnswer = "ورفع عدد جنوده من 500 الى 4000 فرد";
    private const string Welcome = "مرحبا! أنا NewsQA";

    private static async Task AskAsync(IPage page, string question)
    {
        var box = page.GetByPlaceholder("اكتب سؤالك هنا");
        await box.FillAsync(question);
        await box.PressAsync("Enter");
    }

    // The transcript's activities holding the text (the text also appears elsewhere: the citation list, the screen
    // reader's live region).
    private static Task<int> ActivitiesAsync(IPage page, string text) =>
        page.Locator(".webchat__basic-transcript__activity", new() { HasText = text }).CountAsync();

    private static async Task<JsonElement> SavedAsync(IPage page) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("() => sessionStorage.getItem('newsqa.directline')")).RootElement;

    [BrowserFact]
    public async Task AfterARefresh_ThePageShowsTheConversationSoFar_AndCarriesOnInIt()
    {
        var page = await fixture.OpenAsync();
        await AskAsync(page, "كم رفع الناتو عدد جنوده في العراق؟");
        await page.GetByText(NatoAnswer).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(1, await ActivitiesAsync(page, NatoAnswer));
        var conversation = (await SavedAsync(page)).GetProperty("conversationId").GetString();

        await page.ReloadAsync();
        await page.GetByText(NatoAnswer).First.WaitForAsync(new() { Timeout = 30_000 }); // the history, shown again
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "webchat-after-refresh.png") });
        Assert.Equal(conversation, (await SavedAsync(page)).GetProperty("conversationId").GetString());
        Assert.Equal(1, await ActivitiesAsync(page, Welcome)); // once: the same conversation, not a new one
        Assert.Equal(1, await ActivitiesAsync(page, NatoAnswer));

        await AskAsync(page, "show 1"); // the follow-up sees the answer given before the refresh
        await page.GetByText("ينس ستولتنبرغ").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task AfterItsSocketIsDropped_ThePageReconnectsFromItsWatermark_ShowingEachActivityOnce()
    {
        var page = await fixture.OpenAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => { lock (sockets) sockets.Add(socket.Url); };
        await AskAsync(page, "كم رفع الناتو عدد جنوده في العراق؟");
        await page.GetByText(NatoAnswer).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(1, await ActivitiesAsync(page, NatoAnswer));

        // Another socket on the conversation closes the page's (one socket per conversation, as Direct Line keeps it);
        // botframework-directlinejs reconnects with its watermark, which closes this one in turn.
        var saved = await SavedAsync(page);
        using (var http = new HttpClient { BaseAddress = fixture.Address })
        {
            var reconnect = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{saved.GetProperty("conversationId").GetString()}");
            reconnect.Headers.Authorization = new AuthenticationHeaderValue("Bearer", saved.GetProperty("token").GetString());
            var streamUrl = (await (await http.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
            using var intruder = new ClientWebSocket();
            await intruder.ConnectAsync(new Uri(streamUrl.Replace("http", "ws", StringComparison.Ordinal)), CancellationToken.None);
            var buffer = new byte[1 << 16];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((await intruder.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
            {
                // The history, until the page's reconnection closes this socket.
            }
        }

        await AskAsync(page, "Who commands the French forces in the Middle East?");
        await page.GetByText("إيمانويل سلارس").First.WaitForAsync(new() { Timeout = 30_000 });
        lock (sockets) Assert.Matches("[?&]watermark=[1-9][0-9]*(&|$)", sockets.Last()); // the new socket starts from the page's watermark
        Assert.Equal(1, await ActivitiesAsync(page, Welcome));
        Assert.Equal(1, await ActivitiesAsync(page, NatoAnswer));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task ARememberedConversationThatIsGone_GivesWayToANewOne()
    {
        var page = await fixture.OpenAsync();
        await page.EvaluateAsync("() => sessionStorage.setItem('newsqa.directline', JSON.stringify({ conversationId: 'ended-long-ago', token: 'not-a-token' }))");
        await page.ReloadAsync();
        await page.GetByText(Welcome).First.WaitForAsync(new() { Timeout = 30_000 });
        await AskAsync(page, "كم رفع الناتو عدد جنوده في العراق؟");
        await page.GetByText(NatoAnswer).First.WaitForAsync(new() { Timeout = 30_000 });
        Assert.NotEqual("ended-long-ago", (await SavedAsync(page)).GetProperty("conversationId").GetString());
        await page.CloseAsync();
    }
}

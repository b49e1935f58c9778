using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

public class LoadGeneratorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://192.168.1.2", false)]
    [InlineData("https://example.com", false)]
    public void IsLoopback_AllowsOnlyThisMachine(string url, bool expected) =>
        Assert.Equal(expected, LoadGenerator.IsLoopback(new Uri(url)));

    [Fact]
    public async Task Run_RefusesAnyOtherAddress_BeforeSendingAnything()
    {
        using var http = new HttpClient();
        var generator = new LoadGenerator(new Uri("http://10.0.0.5:5080"), http);
        await Assert.ThrowsAsync<InvalidOperationException>(() => generator.RunAsync("ask", 1, 1, CancellationToken.None));
    }

    [Fact]
    public async Task Questions_Given_AreAskedInTurn_InsteadOfTheRotation()
    {
        using var listener = Listen(out var port);
        var asked = new List<string>();
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var context = await listener.GetContextAsync();
                using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
                asked.Add(body.RootElement.GetProperty("question").GetString()!);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        using var http = new HttpClient();
        var generator = new LoadGenerator(new Uri($"http://127.0.0.1:{port}"), http, ["first question", "second question"]);
        for (var n = 0; n < 3; n++) Assert.True(await generator.QuestionAsync("ask", n, CancellationToken.None));
        await serving;
        Assert.Equal(["first question", "second question", "first question"], asked);
    }

    [Fact]
    public async Task Run_RecordingATimeline_CountsTheRequestsTheServiceFailed_SecondBySecond()
    {
        using var listener = Listen(out var port);
        var serving = Task.Run(async () =>
        {
            // Three questions, the second refused with 503; then the health check the level ends with.
            for (var i = 0; i < 4; i++)
            {
                var context = await listener.GetContextAsync();
                context.Response.StatusCode = i == 1 ? 503 : 200;
                if (context.Request.Url!.AbsolutePath == "/healthz") await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
                context.Response.Close();
            }
        });
        using var http = new HttpClient();
        var generator = new LoadGenerator(new Uri($"http://127.0.0.1:{port}"), http) { RecordTimeline = true };

        var result = await generator.RunAsync("ask", 1, 3, CancellationToken.None);
        await serving;

        Assert.Equal(1, result.Errors);
        var timeline = Assert.IsType<LoadTimeline>(result.Timeline);
        Assert.Equal((2, 1), (timeline.Seconds.Sum(s => s.Answered), timeline.Seconds.Sum(s => s.Errors)));
        Assert.NotNull(timeline.FirstError);
        Assert.Equal(timeline.FirstError, timeline.LastError);
    }

    // A loopback HTTP service the test answers itself.
    private static HttpListener Listen(out int port)
    {
        port = FreePort();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return listener;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsQA.Core.Tests.Support;
using NewsQA.Tools.Benchmarking;

namespace NewsQA.Tools.Tests.Benchmarking;

/// <summary>
/// `bench live`'s run against a stand-in service on loopback whose /healthz counts the article files in the folder (as
/// the real one does once it has applied them, and their blocks as passages): every phase is run, the phases are reported, and the folder is left as
/// it was found.
/// </summary>
public sealed class LiveIngestionBenchmarkTests
{
    [Fact]
    public async Task Run_MeasuresEveryPhase_AndLeavesTheFolderAsItWas()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("corpus")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "seed.txt"), "A seed article\n\nIts text.\n");
        using var service = StandInService.Start(folder);
        using var http = new HttpClient();
        string[] articles = ["One\n\nFirst text.\n", "Two\n\nSecond text.\n", "Three\n\nThird text.\n", "Four\n\nFourth text.\n"];

        var result = await new LiveIngestionBenchmark(service.Address, http, folder).RunAsync(articles, 2, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(4, result.Articles);
        Assert.Equal(3, result.OneArticleSeconds.Count);
        Assert.Equal(0, result.Errors);
        Assert.True(result.Idle.Requests > 0);
        Assert.Equal(["seed.txt"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.True(service.Asked > result.Idle.Requests); // the warm-up and the other phases asked too
        var report = LiveIngestionReport.Markdown(result);
        Assert.Contains("| nothing arriving, 2 passages |", report);
        Assert.Contains("| nothing arriving, 10 passages |", report);
        Assert.Contains("| nothing arriving, 14 passages |", report);
        Assert.True(result.AfterIngestion.Requests > 0);
        Assert.Contains("| 4 articles arriving |", report);
        Assert.Contains("| 4 articles changed |", report);
        Assert.Contains("| 4 articles removed |", report);
    }

    [Fact]
    public async Task Run_RefusesAnyOtherAddress_BeforeTouchingTheFolder()
    {
        using var temp = new TempFolder();
        using var http = new HttpClient();
        var benchmark = new LiveIngestionBenchmark(new Uri("http://10.0.0.5:5080"), http, temp.File("corpus"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => benchmark.RunAsync(["a"], 1, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    // Answers /api/ask with an empty answer and /healthz with the folder's article files as its documents.
    private sealed class StandInService : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly string _folder;
        private int _asked;

        private StandInService(HttpListener listener, string folder, Uri address)
        {
            _listener = listener;
            _folder = folder;
            Address = address;
            _ = Task.Run(ServeAsync);
        }

        public Uri Address { get; }

        public int Asked => Volatile.Read(ref _asked);

        public static StandInService Start(string folder)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.AbsoluteUri);
            listener.Start();
            return new StandInService(listener, folder, address);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var body = context.Request.Url!.AbsolutePath == "/api/ask" ? Ask() : Health();
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private string Ask()
        {
            Interlocked.Increment(ref _asked);
            return "{\"answer\": \"\", \"citations\": []}";
        }

        // Passages: the blocks of each file, as if every block were one passage.
        private string Health()
        {
            var files = Directory.GetFiles(_folder, "*.txt");
            var passages = files.Sum(Blocks);
            return $"{{\"status\": \"ready\", \"documents\": {files.Length}, \"passages\": {passages}, \"pendingChanges\": 0, \"workingSetBytes\": 1}}";
        }

        private static int Blocks(string path)
        {
            try
            {
                return File.ReadAllText(path).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
            }
            catch (IOException)
            {
                return 0; // removed as it was listed
            }
        }

        public void Dispose() => _listener.Close();
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Answering;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsQA.Core.Tests.Telemetry;

/// <summary>Spans and metrics of one answered question, through OpenTelemetry's in-memory exporter.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IAsyncLifetime
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";
    private const string ModelAnswer = "المتحدث هو كريم النوري";

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private LoopbackModelServer _model = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = r => r.IsAnswer ? [ModelAnswer, $" [{r.PassageContaining("كريم النوري")}]."] : ["NOT_FOUND"];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AI:Provider"] = "OpenAICompatible", ["AI:Endpoint"] = _model.Endpoint.ToString(), ["AI:ChatModel"] = "test-model", ["AI:ApiKey"] = "test-key",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddNewsQA(configuration);
        services.AddNewsQATelemetry("newsqa-test");
        services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(_metrics));
        _services = services.BuildServiceProvider();
        _ = _services.GetRequiredService<TracerProvider>();
        _ = _services.GetRequiredService<MeterProvider>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task AnAnswer_IsTraced_RetrieveValidateAnswer_WithTheModelsGenAISpan_AndCounted()
    {
        using var temp = new TempFolder();
        using var live = (await _services.GetRequiredService<CorpusIndexer>().UpdateAsync(SeedCorpus.Folder, temp.File("index"))).Live;
        using var lease = live.Acquire();
        var index = lease.Index;
        var answer = await _services.GetRequiredService<AnswerService>().AskAsync(index, Question);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        _services.GetRequiredService<TracerProvider>().ForceFlush();
        _services.GetRequiredService<MeterProvider>().ForceFlush();

        var span = Assert.Single(_spans, s => s.DisplayName == "answer" && s.Source.Name == NewsQATelemetry.Name);
        Assert.Equal("llm", span.GetTagItem(NewsQATelemetry.ModeTag));
        Assert.Equal("ar", span.GetTagItem(NewsQATelemetry.LanguageTag));
        Assert.Equal(false, span.GetTagItem(NewsQATelemetry.RefusalTag));
        Assert.Equal(1, span.GetTagItem(NewsQATelemetry.CitationsTag));
        var retrieve = Assert.Single(_spans, s => s.DisplayName == "retrieve" && s.ParentSpanId == span.SpanId);
        Assert.Equal(5, retrieve.GetTagItem(NewsQATelemetry.PassagesTag));
        Assert.Contains(_spans, s => s.DisplayName == "validate" && s.ParentSpanId == span.SpanId);
        var prompt = Assert.Single(_spans, s => s.DisplayName == "prompt answer");
        Assert.Contains(_spans, s => s.Source.Name == NewsQATelemetry.GenAISource && s.DisplayName == "chat test-model");
        Assert.Contains(_spans, s => s.DisplayName.StartsWith("POST", StringComparison.Ordinal) && s.Source.Name.Contains("Http", StringComparison.Ordinal));
        Assert.Contains(_spans, s => s.GetTagItem(NewsQATelemetry.PromptTokensTag) is int tokens && tokens > 100); // the render filter's count
        Assert.Equal(true, prompt.GetTagItem(NewsQATelemetry.StreamingTag));

        // Not a word of the question, the passages or the answer in any span.
        foreach (var tag in _spans.SelectMany(s => s.TagObjects))
        {
            var value = tag.Value?.ToString() ?? string.Empty;
            Assert.DoesNotContain("الحشد", value);
            Assert.DoesNotContain("كريم", value);
        }

        Assert.Contains(_metrics, m => m.Name == "newsqa.answers");
        Assert.Contains(_metrics, m => m.Name == "newsqa.answer.duration");
        Assert.Contains(_metrics, m => m.Name == "gen_ai.client.operation.duration");
    }

    [Fact]
    public async Task ARefusal_IsCountedAsOne()
    {
        using var temp = new TempFolder();
        using var live = (await _services.GetRequiredService<CorpusIndexer>().UpdateAsync(SeedCorpus.Folder, temp.File("index"))).Live;
        using var lease = live.Acquire();
        var index = lease.Index;
        _model.Reply = _ => ["NOT_FOUND"];
        var answer = await _services.GetRequiredService<AnswerService>().AskAsync(index, Question);
        _services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(AnswerKind.Refusal, answer.Kind);
        var refusals = Assert.Single(_metrics, m => m.Name == "newsqa.refusals");
        long sum = 0;
        foreach (ref readonly var point in refusals.GetMetricPoints()) sum += point.GetSumLong();
        Assert.True(sum >= 1);
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsQA.Bot.Tests;

/// <summary>The bot's OpenTelemetry: ASP.NET Core's request spans and metrics with NewsQA's inside, and no exporter unless one is configured.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task AnAskRequest_IsTracedFromTheRequestDown_AndMeasured()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var bot = new BotFactory
        {
            TestServices = services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metrics));
            },
        };
        (await bot.CreateClient().PostAsJsonAsync("/api/ask", new { question = "كم رفع الناتو عدد جنوده في العراق؟" })).EnsureSuccessStatusCode();
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();

        var request = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName.Contains("/api/ask", StringComparison.Ordinal));
        var answer = Assert.Single(spans, s => s.DisplayName == "answer");
        Assert.Equal(request.TraceId, answer.TraceId);
        Assert.Equal("local", answer.GetTagItem("newsqa.answer.mode"));
        Assert.Contains(spans, s => s.DisplayName == "retrieve" && s.ParentSpanId == answer.SpanId);
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("الناتو", StringComparison.Ordinal) == true);
        // ASP.NET Core records a request's duration as the request ends, which may come after the client has the response.
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            bot.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics.Any(m => m.Name == "http.server.request.duration");
        }));
        Assert.Contains(metrics, m => m.Name == "newsqa.answers");
        Assert.Contains(metrics, m => m.Name == "newsqa.index.passages");
    }

    [Fact]
    public void WithoutOtlpEndpoint_NothingIsExported()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")));
        using var bot = new BotFactory();
        _ = bot.CreateClient();
        var tracer = bot.Services.GetRequiredService<TracerProvider>();
        // The SDK's provider exposes its processor chain; with no exporter configured there is none.
        var processor = tracer.GetType().GetProperty("Processor", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        Assert.NotNull(processor);
        Assert.Null(processor.GetValue(tracer));
    }
}

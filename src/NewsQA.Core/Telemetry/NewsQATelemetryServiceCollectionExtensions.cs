using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsQA.Core.Telemetry;

/// <summary>
/// OpenTelemetry for a host: NewsQA's spans and meters, Microsoft.Extensions.AI's GenAI ones and HttpClient's, with
/// the host adding its own (ASP.NET Core for the bot). Exporting follows the standard OTEL_* environment variables:
/// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (protocol, headers and the rest as the specification says), so
/// by default nothing leaves the process.
/// </summary>
public static class NewsQATelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddNewsQATelemetry(
        this IServiceCollection services, string serviceName, Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service instead (the SDK reads it).
                if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME"))) resource.AddService(serviceName);
            })
            .WithTracing(builder =>
            {
                builder.AddSource(NewsQATelemetry.Name, NewsQATelemetry.GenAISource).AddHttpClientInstrumentation();
                tracing?.Invoke(builder);
            })
            .WithMetrics(builder =>
            {
                builder.AddMeter(NewsQATelemetry.Name, NewsQATelemetry.GenAISource).AddHttpClientInstrumentation();
                metrics?.Invoke(builder);
            });
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"))) telemetry.UseOtlpExporter();
        return services;
    }
}

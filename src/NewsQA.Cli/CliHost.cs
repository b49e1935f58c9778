using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsQA.Core;
using NewsQA.Core.Telemetry;
using NewsQA.Tools;

namespace NewsQA.Cli;

/// <summary>
/// Builds the service provider a command runs with: appsettings.json from the program's folder, environment variables
/// prefixed NEWSQA_ (section separator "__"), core services, and errors logged to standard error.
/// </summary>
public static class CliHost
{
    public static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables("NEWSQA_");
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides); // command-line flags win
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Commands print their own warnings (skipped files, rebuilt index) in plain words; the log adds only errors.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        // A host that fails to start says why through the exception, which the command prints in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddNewsQA(builder.Configuration).AddNewsQATools();
        builder.Services.AddNewsQATelemetry("newsqa-cli");
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false); // runs ValidateOnStart: bad settings fail here, named
        return host;
    }
}

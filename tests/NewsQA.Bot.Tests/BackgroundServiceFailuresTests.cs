using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Issue 25, finding 1: a background service that failed stopped the host with exit code 0, its exception logged
/// under a category the service silences. Now its failure is logged as critical and the program's exit code is 1.
/// </summary>
public sealed class BackgroundServiceFailuresTests
{
    private sealed class FailingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the feed reader broke");
        }
    }

    private sealed class QuietService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    private static async Task<(BackgroundServiceFailures Failures, LogCollector Logs)> RunAsync(Action<IServiceCollection> services, bool stopByHand)
    {
        var logs = new LogCollector();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs);
        // Registered as the service registers it (NewsQABotServiceCollectionExtensions), before the others.
        builder.Services.AddSingleton<BackgroundServiceFailures>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackgroundServiceFailures>());
        services(builder.Services);
        using var host = builder.Build();
        var failures = host.Services.GetRequiredService<BackgroundServiceFailures>(); // as Program takes it: running disposes the services
        using var stop = new CancellationTokenSource(stopByHand ? TimeSpan.FromMilliseconds(200) : Eventually.Patience);
        await host.RunAsync(stop.Token);
        return (failures, logs);
    }

    [Fact]
    public async Task ABackgroundServiceThatFails_StopsTheHost_WithExitCode1_AndIsLoggedAsCritical()
    {
        var (failures, logs) = await RunAsync(s => s.AddHostedService<FailingService>(), stopByHand: false);

        Assert.Equal(1, failures.ExitCode);
        // The host logs it too, under Microsoft.Extensions.Hosting.Internal.Host, which the service silences (a failed start is reported by Program).
        var entry = Assert.Single(logs.Entries, e => e.Category == typeof(BackgroundServiceFailures).FullName);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Contains("FailingService", entry.Message);
        Assert.Contains("the feed reader broke", entry.Message);
    }

    [Fact]
    public async Task AHostStoppedNormally_ExitsWith0()
    {
        var (failures, logs) = await RunAsync(s => s.AddHostedService<QuietService>(), stopByHand: true);
        Assert.Equal(0, failures.ExitCode);
        Assert.DoesNotContain(logs.Entries, e => e.Category == typeof(BackgroundServiceFailures).FullName);
    }

    [Fact]
    public void TheServiceRegistersIt()
    {
        using var factory = new BotFactory();
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is BackgroundServiceFailures);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsQA.Bot.Tests;

/// <summary>Every log line the service writes (past the service's own level filters), with its level and category.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Waits for a line containing <paramref name="text"/>; false if none comes within a generous bound.</summary>
    public Task<bool> WaitForAsync(string text) => Eventually.HoldsAsync(() => Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)));

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
    }
}

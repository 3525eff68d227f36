using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AQueue.Orleans.Tests;

/// <summary>Keeps what AQueue logs on the test silos (categories <c>AQueue.*</c>, every level), for the tests to read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ConcurrentQueue<CapturedLog> s_entries = new();

    /// <summary>Everything logged so far, by every silo of the process.</summary>
    public static IReadOnlyList<CapturedLog> Entries => [.. s_entries];

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("AQueue", StringComparison.Ordinal) ? new Logger(categoryName) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            s_entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception)));
    }
}

using Microsoft.Extensions.Logging;

namespace AQueue.Orleans.Tests;

/// <summary>One entry AQueue logged on a test silo.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message);

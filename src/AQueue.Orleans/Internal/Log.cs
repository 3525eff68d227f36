using Microsoft.Extensions.Logging;

namespace AQueue.Orleans.Internal;

/// <summary>What the Orleans backend logs (category <c>AQueue.Orleans</c>, and <c>AQueue.Orleans.Persistence</c> for
/// storage), as source-generated methods: no formatting unless the level is on.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "{Model} was called from inside one of its own operations (through {Chain}); the call was refused with ModelReentrancyException")]
    public static partial void ReentrancyRefused(ILogger logger, string model, string chain);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information,
        Message = "A call of {Model} timed out: its caller's deadline passed before or while the operation ran")]
    public static partial void DeadlinePassed(ILogger logger, string model);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug,
        Message = "A call of {Model} timed out after {Timeout} at the caller; the silo does not start it after that deadline")]
    public static partial void CallerTimedOut(ILogger logger, string model, TimeSpan timeout);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Error, Message = "AQueue could not create the storage of {Model}")]
    public static partial void StorageCreateFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Error, Message = "AQueue could not load {Model}")]
    public static partial void StorageLoadFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "AQueue could not store {Model}; reloading it")]
    public static partial void StorageWriteFailed(ILogger logger, Exception exception, string model);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Error, Message = "AQueue could not reload {Model}; deactivating it")]
    public static partial void StorageReloadFailed(ILogger logger, Exception exception, string model);
}

using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// Keeps a model's value in the grain storage its <see cref="AQueuePersistenceOptions"/> rule names, or in memory when
/// no rule matches.
/// </summary>
internal sealed class PersistentModelStateFactory : IModelStateFactory
{
    /// <summary>The state's name within the grain, as storage providers see it.</summary>
    public const string StateName = "aqueue";

    private readonly ModelRegistry _registry;
    private readonly AQueuePersistenceOptions _options;
    private readonly IPersistentStateFactory _stateFactory;
    private readonly ILogger _logger;

    public PersistentModelStateFactory(
        ModelRegistry registry, AQueuePersistenceOptions options, IPersistentStateFactory stateFactory, ILoggerFactory loggerFactory)
    {
        _registry = registry;
        _options = options;
        _stateFactory = stateFactory;
        _logger = loggerFactory.CreateLogger("AQueue.Orleans.Persistence");
    }

    public ModelState<T> Create<T>(ModelKind kind, IGrainContext grainContext)
    {
        string key = grainContext.GrainId.Key.ToString()!;
        string? storageName = _options.FindStorage(typeof(T), kind, key);
        if (storageName is null)
        {
            return new MemoryModelState<T>(_registry);
        }

        string description = $"{(kind == ModelKind.Actor ? "actor" : "reader-writer model")} '{key}' of " +
                             $"{SerializationErrors.Describe(typeof(T))} from grain storage '{storageName}'";
        IPersistentState<ModelRecord<T>> storage;
        try
        {
            storage = _stateFactory.Create<ModelRecord<T>>(grainContext, new StateConfiguration(StateName, storageName));
        }
        catch (Exception exception)
        {
            Log.StorageCreateFailed(_logger, exception, description);
            throw new ModelStorageException(
                $"Could not load {description}: {exception.Message} Register the provider on every silo under that name " +
                $"(e.g. siloBuilder.AddSqliteGrainStorage(\"{storageName}\", ...) or AddMemoryGrainStorage(\"{storageName}\")), " +
                "or change the name in AddAQueuePersistence.");
        }

        return new PersistentModelState<T>(storage, _registry, grainContext, description, _logger);
    }
}

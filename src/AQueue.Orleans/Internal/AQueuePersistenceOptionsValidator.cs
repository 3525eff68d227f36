using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace AQueue.Orleans.Internal;

/// <summary>
/// Refuses, at start-up, persistence rules that name a grain storage provider the silo does not have, and persistence
/// on a silo without <c>AddAQueue</c>.
/// </summary>
internal sealed class AQueuePersistenceOptionsValidator(IServiceProvider services) : IValidateOptions<AQueuePersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, AQueuePersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(ModelRegistry)) == false)
        {
            failures.Add(
                "AQueue: siloBuilder.AddAQueuePersistence(...) was called, but AddAQueue was not: call " +
                "siloBuilder.AddAQueue(models => ...) on this silo too.");
        }

        var storages = services.GetService<IServiceProviderIsKeyedService>();
        foreach (PersistenceRule rule in options.Rules)
        {
            if (storages is not null && !storages.IsKeyedService(typeof(IGrainStorage), rule.StorageName))
            {
                failures.Add(
                    $"AQueue: the persistence rule {rule.Describe()} names grain storage '{rule.StorageName}', but no grain " +
                    $"storage provider is registered under that name on this silo. Register one (e.g. " +
                    $"siloBuilder.AddSqliteGrainStorage(\"{rule.StorageName}\", ...) or AddMemoryGrainStorage(\"{rule.StorageName}\")), " +
                    "or change the name in AddAQueuePersistence.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using AQueue.Orleans.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration.Overrides;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>Registers <see cref="SqliteGrainStorage"/> on a silo.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds SQLite grain storage as the default provider.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options; optional.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder, Action<SqliteGrainStorageOptions>? configure = null) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds SQLite grain storage under <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider's name, as grains and AQueue persistence refer to it.</param>
    /// <param name="configure">Sets the options; optional. Without a path, the file is
    /// <c>aqueue-{ClusterId}.db</c> in the application's base directory.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <example>
    /// <code>
    /// silo.AddSqliteGrainStorage("aqueue", o =&gt; o.DatabasePath = "data/cluster.db");
    /// </code>
    /// </example>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        OptionsBuilder<SqliteGrainStorageOptions> options = builder.Services.AddOptions<SqliteGrainStorageOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddGrainStorage(name, static (services, providerName) =>
        {
            SqliteGrainStorageOptions options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(providerName);
            options.GrainStorageSerializer ??= services.GetRequiredService<IGrainStorageSerializer>();
            if (string.IsNullOrWhiteSpace(options.DatabasePath))
            {
                string clusterId = services.GetProviderClusterOptions(providerName).Value.ClusterId;
                options.DatabasePath = Path.Combine(AppContext.BaseDirectory, $"aqueue-{clusterId}.db");
            }

            return new SqliteGrainStorage(providerName, options);
        });
        return builder;
    }
}

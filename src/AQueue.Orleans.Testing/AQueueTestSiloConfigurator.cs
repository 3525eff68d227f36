using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace AQueue.Orleans.Testing;

/// <summary>
/// The silos of a test cluster: AQueue's grains with the models you register, and a short response timeout so a hung
/// call fails the test instead of stalling it. Derive one class per registry and add it with
/// <c>testClusterBuilder.AddAQueue&lt;TSilo&gt;()</c> (<see cref="AQueueTestClusterBuilderExtensions"/>).
/// </summary>
/// <remarks>
/// <para>TestCluster creates each configurator with its parameterless constructor, once per silo, so a derived class
/// holds no state of its own; pass per-cluster values (a database path, say) through <c>TestClusterBuilder.Properties</c>
/// and read them from <c>siloBuilder.Configuration</c> in <see cref="ConfigureSilo"/>.</para>
/// <para>The operations the tests send must be Orleans-serializable (<c>[GenerateSerializer]</c>): reference
/// <c>Microsoft.Orleans.Sdk</c> from the assembly that defines them, so its code generator runs there.</para>
/// </remarks>
/// <example>
/// <code>
/// public sealed class CounterSilo : AQueueTestSiloConfigurator
/// {
///     protected override void Register(ModelRegistry models) =&gt; models.AddInitialValue&lt;long&gt;(key =&gt; 0);
///
///     // Optional: anything else the silos need (grain storage, call filters, logging).
///     protected override void ConfigureSilo(ISiloBuilder siloBuilder) =&gt; siloBuilder.AddMemoryGrainStorage("store");
/// }
/// </code>
/// </example>
public abstract class AQueueTestSiloConfigurator : ISiloConfigurator
{
    /// <summary>How long a silo waits for a grain call's response: 15 s (Orleans' default is 30 s). Override to change
    /// it, for instance shorter in tests that kill silos.</summary>
    protected virtual TimeSpan ResponseTimeout => TestDefaults.ResponseTimeout;

    /// <summary>Applies the test defaults, calls <see cref="ConfigureSilo"/>, then adds AQueue with
    /// <see cref="Register"/>'s models. Called by TestCluster for each silo it starts.</summary>
    /// <param name="siloBuilder">The silo's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="siloBuilder"/> is null.</exception>
    public void Configure(ISiloBuilder siloBuilder)
    {
        ArgumentNullException.ThrowIfNull(siloBuilder);
        // The defaults first, so that options the hook sets are applied after them and win.
        TimeSpan responseTimeout = ResponseTimeout;
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
        ConfigureSilo(siloBuilder);
        siloBuilder.AddAQueue(Register);
    }

    /// <summary>Registers the silos' models: initial values, mappings and PCModel factories, as in
    /// <c>siloBuilder.AddAQueue(models =&gt; ...)</c>. Runs when the silo starts.</summary>
    /// <param name="models">The silo's registry.</param>
    protected abstract void Register(ModelRegistry models);

    /// <summary>Configures whatever else the silos need: grain storage and <c>AddAQueuePersistence</c>, call filters,
    /// logging, membership timings. Runs after the defaults, so options set here win, and before <c>AddAQueue</c>
    /// (whose registrations, like <c>AddAQueuePersistence</c>'s, do not depend on the order of the calls).</summary>
    /// <param name="siloBuilder">The silo's builder.</param>
    protected virtual void ConfigureSilo(ISiloBuilder siloBuilder)
    {
    }
}

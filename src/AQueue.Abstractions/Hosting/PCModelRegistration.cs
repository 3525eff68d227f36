namespace AQueue;

/// <summary>How PCModels of <typeparamref name="T"/> are built, their bound, and where the bound holds.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
/// <param name="Factory">Builds the value from the services and the model's key.</param>
/// <param name="MaxConcurrency">The most calls that run at once, at least 1.</param>
/// <param name="Mapping">Where the bound holds on a backend with several nodes; in-process it changes nothing.</param>
public sealed record PCModelRegistration<T>(Func<IServiceProvider, string, T> Factory, int MaxConcurrency, PCModelMapping Mapping = PCModelMapping.PerSilo);

namespace AQueue;

/// <summary>How PCModels of <typeparamref name="T"/> are built, and their bound.</summary>
/// <typeparam name="T">The guarded value's type.</typeparam>
/// <param name="Factory">Builds the value from the services and the model's key.</param>
/// <param name="MaxConcurrency">The most calls that run at once, at least 1.</param>
public sealed record PCModelRegistration<T>(Func<IServiceProvider, string, T> Factory, int MaxConcurrency);

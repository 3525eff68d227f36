namespace AQueue.Orleans.Proxies;

/// <summary>The grain a PCModel proxy calls (the one its mapping names) and the bound registered for the type.</summary>
/// <typeparam name="T">The shared value's type.</typeparam>
/// <param name="Grain">The per-silo worker or the per-cluster grain of the model's key.</param>
/// <param name="MaxConcurrency">The bound, n.</param>
internal readonly record struct PCModelTarget<T>(IPCModelGrainBase<T> Grain, int MaxConcurrency);

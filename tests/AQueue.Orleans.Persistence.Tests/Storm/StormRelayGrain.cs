using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Concurrency;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>
/// Makes storm calls from grain code: the caller is this grain, which gives up (cancels, times out) as the request says,
/// on its own activation's scheduler. Reentrant, so a burst's calls are in flight together.
/// </summary>
[Reentrant]
public sealed class StormRelayGrain : Grain, IStormRelayGrain
{
    private static int s_inFlight;

    /// <summary>Calls relayed and not answered yet, in every silo of the process.</summary>
    public static int InFlight => Volatile.Read(ref s_inFlight);

    public async Task<Told<StormAnswer>> RelayAsync(StormRequest request)
    {
        Interlocked.Increment(ref s_inFlight);
        try
        {
            return await StormSender.MakeAsync(ServiceProvider.GetRequiredService<IModelProvider>(), request);
        }
        finally
        {
            Interlocked.Decrement(ref s_inFlight);
        }
    }
}

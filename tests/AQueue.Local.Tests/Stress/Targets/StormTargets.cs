namespace AQueue.Local.Tests.Stress.Targets;

/// <summary>Every queue and model the storm covers, by name.</summary>
internal static class StormTargets
{
    public static readonly string[] Names = ["MutexQueue", "SemaphoreQueue", "RwQueue", "Actor", "RwModel", "PCModel"];

    public static IStormTarget Create(string name) => name switch
    {
        "MutexQueue" => new MutexQueueTarget(),
        "SemaphoreQueue" => new SemaphoreQueueTarget(),
        "RwQueue" => new RwQueueTarget(),
        "Actor" => new ActorTarget(),
        "RwModel" => new RwModelTarget(),
        "PCModel" => new PCModelTarget(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown storm target."),
    };
}

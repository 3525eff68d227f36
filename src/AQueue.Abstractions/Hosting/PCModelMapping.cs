namespace AQueue;

/// <summary>
/// Where a PCModel's bound holds when the backend has several nodes: on each node (an Orleans silo) or across the
/// whole cluster. In-process there is one node, so both mean the same.
/// </summary>
/// <remarks>See docs/orleans.md ("What each model is on Orleans") for what each mapping runs on and what it costs.</remarks>
public enum PCModelMapping
{
    /// <summary>
    /// The default. On Orleans, a stateless worker with one activation per key on each silo that calls reach: at most
    /// n operations at once <em>per silo</em> (k silos run up to k·n), waiting calls served in arrival order on their
    /// silo, one value per silo built by the registered factory. Calls scale out with the silos.
    /// </summary>
    PerSilo,

    /// <summary>
    /// The strict choice. On Orleans, one activation per key in the whole cluster: at most n operations at once across
    /// every silo, one queue, one value; every call of the key runs on that activation's silo.
    /// </summary>
    PerCluster,
}

namespace AQueue.Conformance;

/// <summary>Says which <see cref="PcResource"/> a PCModel call got: its key and build number.</summary>
/// <typeparam name="TResource">The model's value type: <see cref="PcResource"/> or a subclass registered with another mapping.</typeparam>
[GenerateSerializer]
public sealed record DescribeResource<TResource> : IReadOperation<TResource, string>
    where TResource : PcResource
{
    /// <inheritdoc />
    public ValueTask<string> ExecuteAsync(RefInner<TResource> state, CancellationToken cancellationToken) =>
        new($"{state.Value.Key}#{state.Value.Instance}");
}

namespace AQueue.Conformance;

/// <summary>Says which <see cref="PcResource"/> a PCModel call got: its key and build number.</summary>
[GenerateSerializer]
public sealed record DescribeResource : IReadOperation<PcResource, string>
{
    public ValueTask<string> ExecuteAsync(RefInner<PcResource> state, CancellationToken cancellationToken) =>
        new($"{state.Value.Key}#{state.Value.Instance}");
}

namespace AQueue.Conformance;

/// <summary>A <see cref="PcResource"/> whose PCModels are registered <see cref="PCModelMapping.PerCluster"/>.</summary>
[GenerateSerializer]
public sealed class PerClusterPcResource(string key) : PcResource(key);

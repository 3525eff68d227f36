namespace AQueue;

/// <summary>The three ways a model lets calls run over its value.</summary>
public enum ModelKind
{
    /// <summary>One call at a time, first come first served (<see cref="IActor{T}"/>).</summary>
    Actor,

    /// <summary>Shared reads, exclusive writes, writes preferred once waiting (<see cref="IRwModel{T}"/>).</summary>
    RwModel,

    /// <summary>At most n calls at a time (<see cref="IPCModel{T}"/>).</summary>
    PCModel,
}

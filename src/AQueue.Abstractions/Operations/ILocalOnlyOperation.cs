namespace AQueue;

/// <summary>
/// Marks an operation that wraps an in-process delegate. Delegates cannot cross a network, so a distributed
/// backend rejects such an operation at once with <see cref="NotSupportedException"/>.
/// </summary>
public interface ILocalOnlyOperation
{
}

namespace AQueue.Orleans.Internal;

/// <summary>What a failed call was about, for error messages: the model's state type and the operation's type.</summary>
/// <param name="StateType">The model's state type.</param>
/// <param name="OperationType">The operation's runtime type.</param>
/// <param name="OperationInterface">The contract the operation implements, e.g. IWriteOperation&lt;long, long&gt;.</param>
internal readonly record struct CallSite(Type StateType, Type OperationType, Type OperationInterface);

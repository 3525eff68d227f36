using System.Diagnostics.CodeAnalysis;
using Orleans.Serialization;

namespace AQueue.Orleans.Internal;

/// <summary>
/// Recognises Orleans' serializer failures ("could not find a codec", "type ... is not allowed") and replaces them
/// with an error that names the type and says to add <c>[GenerateSerializer]</c>.
/// </summary>
internal static class SerializationErrors
{
    public static bool TryExplain(Exception exception, CallSite site, [NotNullWhen(true)] out Exception? explained)
    {
        explained = null;
        if (!IsSerializerFailure(exception))
        {
            return false;
        }

        string message = exception.Message;
        Type? culprit = Mentions(message, site.OperationType) ? site.OperationType
            : Mentions(message, site.StateType) ? site.StateType
            : null;
        string subject = culprit is null
            ? $"A type used by the call ({Describe(site.OperationInterface)} with {Describe(site.OperationType)})"
            : culprit == site.StateType ? $"The model's state type {Describe(culprit)}" : $"The operation type {Describe(culprit)}";
        explained = new NotSupportedException(
            $"{subject} cannot be sent to or resolved by the Orleans cluster. Mark it [GenerateSerializer] (fields or " +
            "properties [Id(n)]) in an assembly that references Microsoft.Orleans.Sdk and is deployed to both the silos and " +
            $"the client; the same goes for the types it holds and returns. Orleans said: {message}",
            exception);
        return true;
    }

    /// <summary>
    /// Explains Orleans' refusal to build a grain reference for a state type its type filter does not allow ("Type
    /// ... is not allowed"): the state type is part of the grain's type name.
    /// </summary>
    public static bool TryExplainStateType(Exception exception, Type stateType, [NotNullWhen(true)] out Exception? explained)
    {
        explained = null;
        if (!exception.Message.Contains("is not allowed", StringComparison.Ordinal))
        {
            return false;
        }

        explained = new NotSupportedException(
            $"Orleans does not allow the model's state type {Describe(stateType)}: it is part of the grain's type name, and " +
            "Orleans only resolves types it knows. Mark the type [GenerateSerializer] in an assembly that references " +
            "Microsoft.Orleans.Sdk (deployed to the silos and the client), or, for a type you cannot change, allow it on " +
            $"both: services.AddSerializer(s => s.Configure(o => o.AddAllowedType(typeof({Describe(stateType)})))). Orleans said: " +
            exception.Message,
            exception);
        return true;
    }

    public static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }

    private static bool IsSerializerFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is CodecNotFoundException
                || e.Message.Contains("is not allowed", StringComparison.Ordinal)
                || e.Message.Contains("Could not find a copier", StringComparison.Ordinal)
                || e.Message.Contains("Could not find a codec", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(string message, Type type) =>
        type.FullName is { } fullName && message.Contains(fullName, StringComparison.Ordinal)
        || message.Contains(type.Name, StringComparison.Ordinal);
}

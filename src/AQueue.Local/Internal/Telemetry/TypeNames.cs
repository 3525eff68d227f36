using System.Text;

namespace AQueue.Local.Internal.Telemetry;

/// <summary>A type's name as a tag value: namespace-qualified, generic arguments in angle brackets, no assembly.</summary>
internal static class TypeNames
{
    public static string Format(Type type)
    {
        var name = new StringBuilder();
        Append(name, type);
        return name.ToString();
    }

    private static void Append(StringBuilder name, Type type)
    {
        if (type.IsArray)
        {
            Append(name, type.GetElementType()!);
            name.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (type.IsGenericParameter || !type.IsGenericType)
        {
            name.Append(type.IsNested ? $"{Format(type.DeclaringType!)}.{type.Name}" : type.FullName ?? type.Name);
            return;
        }

        string definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        int tick = definition.IndexOf('`', StringComparison.Ordinal);
        name.Append(tick < 0 ? definition : definition[..tick].Replace('+', '.')).Append('<');
        Type[] arguments = type.GetGenericArguments();
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0)
            {
                name.Append(',');
            }

            Append(name, arguments[i]);
        }

        name.Append('>');
    }
}

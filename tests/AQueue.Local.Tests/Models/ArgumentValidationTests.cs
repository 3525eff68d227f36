using System.Reflection;
using Xunit;

namespace AQueue.Local.Tests.Models;

/// <summary>
/// Every public entry point of every model and queue rejects a null closure or operation with
/// <see cref="ArgumentNullException"/> naming it, before it waits for anything. Found by reflection, so a new
/// overload is covered as soon as it exists.
/// </summary>
public sealed class ArgumentValidationTests
{
    public static TheoryData<string> Types => ["Actor", "RwModel", "PCModel", "MutexQueue", "SemaphoreQueue", "RwQueue"];

    [Theory]
    [MemberData(nameof(Types))]
    public void Null_closure_or_operation_throws_ArgumentNullException(string typeName)
    {
        object target = typeName switch
        {
            "Actor" => new Actor<int>(0),
            "RwModel" => new RwModel<int>(0),
            "PCModel" => new PCModel<int>(0, 1),
            "MutexQueue" => new MutexQueue(),
            "SemaphoreQueue" => new SemaphoreQueue(1),
            _ => new RwQueue(),
        };

        var methods = target.GetType()
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetParameters().Any(IsBodyParameter))
            .ToList();
        Assert.NotEmpty(methods);

        foreach (MethodInfo declared in methods)
        {
            MethodInfo method = declared.IsGenericMethodDefinition
                ? declared.MakeGenericMethod(declared.GetGenericArguments().Select(_ => typeof(int)).ToArray())
                : declared;
            ParameterInfo[] parameters = method.GetParameters();
            object?[] arguments = parameters.Select(p => p.ParameterType == typeof(TimeSpan)
                ? (object)TimeSpan.FromSeconds(1)
                : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();

            var invocation = Assert.Throws<TargetInvocationException>(() => method.Invoke(target, arguments));
            var inner = Assert.IsType<ArgumentNullException>(invocation.InnerException);
            Assert.Equal(parameters.Single(IsBodyParameter).Name, inner.ParamName);
        }

        // Nothing was left held or queued by the rejected calls.
        Assert.Equal(0, (int)target.GetType().GetProperty("WaitingCount")!.GetValue(target)!);
    }

    [Fact]
    public void Provider_and_registry_reject_nulls()
    {
        var registry = new ModelRegistry();
        Assert.Throws<ArgumentNullException>(() => new LocalModelProvider(null!, new EmptyServices()));
        Assert.Throws<ArgumentNullException>(() => new LocalModelProvider(registry, null!));
        var provider = new LocalModelProvider(registry, new EmptyServices());
        Assert.Throws<ArgumentNullException>(() => provider.GetActor<int>(null!));
        Assert.Throws<ArgumentNullException>(() => provider.GetRwModel<int>(null!));
        registry.AddPCModel<int>((_, _) => 0, 1);
        Assert.Throws<ArgumentNullException>(() => provider.GetPCModel<int>(null!));
    }

    private static bool IsBodyParameter(ParameterInfo parameter) =>
        typeof(Delegate).IsAssignableFrom(parameter.ParameterType) ||
        (parameter.ParameterType.IsGenericType &&
         parameter.ParameterType.GetGenericTypeDefinition() is { } definition &&
         (definition == typeof(IReadOperation<,>) || definition == typeof(IWriteOperation<,>)));

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

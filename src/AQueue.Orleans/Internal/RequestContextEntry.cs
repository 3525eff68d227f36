using Orleans.Runtime;

namespace AQueue.Orleans.Internal;

/// <summary>
/// One value put in Orleans' request context around a grain call (Orleans copies the context into the message before
/// the call returns its task), and the caller's own value put back when disposed.
/// </summary>
internal readonly struct RequestContextEntry : IDisposable
{
    private readonly string? _key;
    private readonly object? _previous;

    private RequestContextEntry(string key, object? previous)
    {
        _key = key;
        _previous = previous;
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> until the entry is disposed.</summary>
    public static RequestContextEntry Set(string key, object value)
    {
        object? previous = RequestContext.Get(key);
        RequestContext.Set(key, value);
        return new RequestContextEntry(key, previous);
    }

    /// <summary>On the silo: the value of <paramref name="key"/> the request arrived with, removed from the context so the
    /// calls its operation makes do not inherit it.</summary>
    public static object? Take(string key)
    {
        object? value = RequestContext.Get(key);
        if (value is not null)
        {
            RequestContext.Remove(key);
        }

        return value;
    }

    public void Dispose()
    {
        if (_key is null)
        {
            return;
        }

        if (_previous is null)
        {
            RequestContext.Remove(_key);
        }
        else
        {
            RequestContext.Set(_key, _previous);
        }
    }
}

namespace AQueue.Samples.Tests;

/// <summary>Output that a running silo writes on one thread while the test reads it on another.</summary>
internal sealed class SynchronizedOutput
{
    private readonly StringWriter _inner = new();

    public SynchronizedOutput() => Writer = TextWriter.Synchronized(_inner);

    /// <summary>What the silo writes to (its methods lock on itself).</summary>
    public TextWriter Writer { get; }

    public override string ToString()
    {
        lock (Writer)
        {
            return _inner.ToString();
        }
    }
}

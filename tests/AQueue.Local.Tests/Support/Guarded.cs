using Xunit;

namespace AQueue.Local.Tests.Support;

/// <summary>
/// A state object behind one of the seed's guards (an <see cref="Actor{T}"/>, an <see cref="RwModel{T}"/>, or
/// a raw <see cref="MutexQueue"/> or <see cref="RwQueue"/> whose closures capture the state), so that one
/// seed test runs against each, as the seed runs it against its actor, its model and its queues.
/// </summary>
/// <typeparam name="T">The state's type.</typeparam>
public sealed class Guarded<T>
    where T : class
{
    public const string Actor = "Actor";
    public const string RwModel = "RwModel";
    public const string MutexQueue = "MutexQueue";
    public const string RwQueue = "RwQueue";

    private Guarded(string name, Func<Func<T, ValueTask>, ValueTask> write, Func<Func<T, ValueTask>, ValueTask> read)
    {
        Name = name;
        Write = write;
        Read = read;
    }

    /// <summary>Every kind of guard the seed tests run against.</summary>
    public static TheoryData<string> Kinds => [Actor, RwModel, MutexQueue, RwQueue];

    public string Name { get; }

    /// <summary>An exclusive call.</summary>
    public Func<Func<T, ValueTask>, ValueTask> Write { get; }

    /// <summary>A shared call where the guard has one (reads of the reader-writer kinds), else an exclusive one.</summary>
    public Func<Func<T, ValueTask>, ValueTask> Read { get; }

    /// <summary>Puts <paramref name="state"/> behind a guard of the named kind.</summary>
    public static Guarded<T> Create(string kind, T state)
    {
        switch (kind)
        {
            case Actor:
            {
                var actor = new Actor<T>(state);
                return new Guarded<T>(kind, body => actor.InnerCallAsync(s => body(s.Value)), body => actor.InnerCallAsync(s => body(s.Value)));
            }

            case RwModel:
            {
                var model = new RwModel<T>(state);
                return new Guarded<T>(
                    kind,
                    body => model.CallMutAsync(s => body(s.Value)),
                    async body => await model.CallAsync(async s => { await body(s.Value).ConfigureAwait(false); return 0; }).ConfigureAwait(false));
            }

            case MutexQueue:
            {
                var queue = new MutexQueue();
                return new Guarded<T>(kind, body => queue.RunAsync(_ => body(state)), body => queue.RunAsync(_ => body(state)));
            }

            case RwQueue:
            {
                var queue = new RwQueue();
                return new Guarded<T>(
                    kind,
                    async body => await queue.WriteAsync(async _ => { await body(state).ConfigureAwait(false); return 0; }).ConfigureAwait(false),
                    async body => await queue.ReadAsync(async _ => { await body(state).ConfigureAwait(false); return 0; }).ConfigureAwait(false));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown guard.");
        }
    }

    public override string ToString() => Name;
}

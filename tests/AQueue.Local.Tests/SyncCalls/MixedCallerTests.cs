using AQueue.Local.Tests.Support;
using Xunit;

namespace AQueue.Local.Tests.SyncCalls;

/// <summary>
/// Blocking calls (<see cref="RwModel{T}.Call{TResult}(Func{RefInner{T}, TResult}, CancellationToken)"/>,
/// <see cref="RwModel{T}.CallMut{TResult}(Func{RefMutInner{T}, TResult}, CancellationToken)"/>,
/// <see cref="RwQueue.Read{TResult}(Func{TResult}, CancellationToken)"/>, <see cref="RwQueue.Write{TResult}(Func{TResult}, CancellationToken)"/>)
/// from plain threads, mixed with async calls from tasks: the invariants hold and nothing deadlocks.
/// </summary>
public sealed class MixedCallerTests
{
    private const int Threads = 4;
    private const int Tasks = 4;
    private const int Rounds = 2_000;

    [Fact]
    public async Task RwModel_blocking_and_async_callers_keep_the_invariants()
    {
        var model = new RwModel<Pair>(new Pair());
        var probe = new ConcurrencyProbe();
        int torn = 0;
        int writes = 0;

        void CheckRead(in Pair pair)
        {
            if (pair.A != pair.B)
            {
                Interlocked.Increment(ref torn);
            }
        }

        await RunMixed(
            threadRound: (id, i) =>
            {
                if (i % 3 == 0)
                {
                    model.CallMut(s =>
                    {
                        probe.Enter(id, exclusive: true);
                        s.Value.A++;
                        Thread.SpinWait(20); // a reader slipping in here would see A != B
                        s.Value.B++;
                        probe.Exit(id, exclusive: true);
                    });
                    Interlocked.Increment(ref writes);
                }
                else
                {
                    model.Call(s =>
                    {
                        probe.Enter(id);
                        CheckRead(s.Value);
                        probe.Exit(id);
                        return 0;
                    });
                }
            },
            taskRound: async (id, i) =>
            {
                if (i % 3 == 0)
                {
                    await model.CallMutAsync(async s =>
                    {
                        probe.Enter(id, exclusive: true);
                        s.Value.A++;
                        await Task.Yield();
                        s.Value.B++;
                        probe.Exit(id, exclusive: true);
                    });
                    Interlocked.Increment(ref writes);
                }
                else
                {
                    await model.CallAsync(async s =>
                    {
                        probe.Enter(id);
                        await Task.Yield();
                        CheckRead(s.Value);
                        probe.Exit(id);
                        return 0;
                    });
                }
            });

        Pair final = model.Call(s => s.Value);
        Assert.Equal(writes, final.A);
        Assert.Equal(writes, final.B);
        Assert.Equal(0, torn);
        Assert.Equal(0, probe.ExclusivityViolations);
        Assert.Equal(0, model.WaitingCount);
    }

    [Fact]
    public async Task RwQueue_blocking_and_async_callers_keep_the_invariants()
    {
        var queue = new RwQueue();
        var probe = new ConcurrencyProbe();
        long a = 0, b = 0;
        int torn = 0;
        int writes = 0;

        await RunMixed(
            threadRound: (id, i) =>
            {
                if (i % 3 == 0)
                {
                    queue.Write(() =>
                    {
                        probe.Enter(id, exclusive: true);
                        a++;
                        Thread.SpinWait(20);
                        b++;
                        probe.Exit(id, exclusive: true);
                        return Interlocked.Increment(ref writes);
                    });
                }
                else
                {
                    queue.Read(() =>
                    {
                        probe.Enter(id);
                        if (a != b)
                        {
                            Interlocked.Increment(ref torn);
                        }

                        probe.Exit(id);
                        return 0;
                    });
                }
            },
            taskRound: async (id, i) =>
            {
                if (i % 3 == 0)
                {
                    await queue.WriteAsync(async _ =>
                    {
                        probe.Enter(id, exclusive: true);
                        a++;
                        await Task.Yield();
                        b++;
                        probe.Exit(id, exclusive: true);
                        return Interlocked.Increment(ref writes);
                    });
                }
                else
                {
                    await queue.ReadAsync(async _ =>
                    {
                        probe.Enter(id);
                        await Task.Yield();
                        if (a != b)
                        {
                            Interlocked.Increment(ref torn);
                        }

                        probe.Exit(id);
                        return 0;
                    });
                }
            });

        Assert.Equal(writes, a);
        Assert.Equal(writes, b);
        Assert.Equal(0, torn);
        Assert.Equal(0, probe.ExclusivityViolations);
    }

    [Fact]
    public async Task Blocking_read_waits_behind_a_waiting_async_write()
    {
        var model = new RwModel<int>(0);
        var readGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> firstRead = model.CallAsync(async s => { await readGate.Task.ConfigureAwait(false); return s.Value; }).AsTask();
        Task write = model.CallMutAsync(s => { s.Value = 42; return ValueTask.CompletedTask; }).AsTask();
        Assert.Equal(1, model.WaitingCount);

        int seenByBlockingRead = -1;
        var reader = new Thread(() => seenByBlockingRead = model.Call(s => s.Value));
        reader.Start();
        await Poll.UntilAsync(() => model.WaitingCount == 2, "the blocking read queues behind the write");
        readGate.SetResult();
        Assert.True(reader.Join(TimeSpan.FromSeconds(10)));
        await Task.WhenAll(firstRead, write);
        Assert.Equal(42, seenByBlockingRead);
    }

    [Fact]
    public void Async_lambda_passed_to_a_blocking_call_throws_ArgumentException_and_never_runs()
    {
        var model = new RwModel<int>(0);
        var queue = new RwQueue();
        bool ran = false;

        // Each would compile: the lambda's result type becomes a task, and the lock would be let go when the
        // task is returned rather than when it completes.
        Assert.Equal("body", Assert.Throws<ArgumentException>(() => { _ = model.Call(async s => { ran = true; await Task.Yield(); return s.Value; }); }).ParamName);
        Assert.Throws<ArgumentException>(() => { _ = model.Call(s => { ran = true; return Task.CompletedTask; }); });
        Assert.Throws<ArgumentException>(() => { _ = model.Call(s => { ran = true; return new ValueTask<int>(s.Value); }); });
        Assert.Throws<ArgumentException>(() => { _ = model.Call(s => { ran = true; return ValueTask.CompletedTask; }); });
        // An async lambda with no result binds to the Func overload (a Task result), not to the Action one.
        Assert.Throws<ArgumentException>(() => { _ = model.CallMut(async s => { ran = true; await Task.Yield(); s.Value++; }); });
        Assert.Throws<ArgumentException>(() => { _ = model.CallMut(async s => { ran = true; await Task.Yield(); return ++s.Value; }, TimeSpan.FromSeconds(1)); });
        Assert.Throws<ArgumentException>(() => { _ = queue.Read(async () => { ran = true; await Task.Yield(); return 1; }); });
        Assert.Throws<ArgumentException>(() => { _ = queue.Write(async () => { ran = true; await Task.Yield(); }); });
        Assert.Throws<ArgumentException>(() => { _ = queue.Write(() => { ran = true; return ValueTask.CompletedTask; }, TimeSpan.FromSeconds(1)); });

        Assert.False(ran);
        Assert.Equal(0, model.CallMut(s => s.Value));
        Assert.False(queue.IsWriteHeld);
    }

    /// <summary>Runs <see cref="Threads"/> plain threads and <see cref="Tasks"/> tasks for <see cref="Rounds"/> rounds each; fails on a deadlock.</summary>
    private static async Task RunMixed(Action<int, int> threadRound, Func<int, int, Task> taskRound)
    {
        var failures = new List<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(id => new Thread(() =>
        {
            try
            {
                for (int i = 0; i < Rounds; i++)
                {
                    threadRound(id, i);
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex);
                }
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        Task tasks = Task.WhenAll(Enumerable.Range(Threads, Tasks).Select(id => Task.Run(async () =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                await taskRound(id, i);
            }
        })));

        Task finished = await Task.WhenAny(tasks, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.Same(tasks, finished);
        await tasks;
        foreach (Thread thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "a blocking caller never finished: deadlock");
        }

        Assert.Empty(failures);
    }

    /// <summary>Two fields that every write keeps equal; a read that sees them differ saw a write half done.</summary>
    public struct Pair
    {
        public long A;
        public long B;
    }
}

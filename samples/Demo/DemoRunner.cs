using System.Diagnostics;
using AQueue.Samples.Demo.Operations;
using Microsoft.Extensions.Logging;

namespace AQueue.Samples.Demo;

/// <summary>
/// Shows the three models at work through <see cref="IModelProvider"/> alone, so it runs unchanged on the
/// in-process backend and on an Orleans cluster, and verifies what it shows.
/// </summary>
public sealed class DemoRunner(IModelProvider models, ILogger logger, DemoOptions? options = null)
{
    private readonly DemoOptions _options = options ?? new DemoOptions();

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var report = new DemoReport();
        await CounterActorAsync(report, cancellationToken).ConfigureAwait(false);
        await ReadHeavyModelAsync(report, cancellationToken).ConfigureAwait(false);
        await ConcurrencyLimiterAsync(report, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task CounterActorAsync(DemoReport report, CancellationToken cancellationToken)
    {
        IActor<long> counter = models.GetActor<long>($"{_options.KeyPrefix}/counter");
        long before = await counter.InnerCallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
        int total = _options.CounterCallers * _options.CallsPerCounterCaller;
        logger.LogInformation("Counter actor: {Callers} concurrent callers x {Calls} adds", _options.CounterCallers, _options.CallsPerCounterCaller);

        int done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _options.CounterCallers).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < _options.CallsPerCounterCaller; i++)
            {
                await counter.InnerCallAsync(new Add(1), cancellationToken).ConfigureAwait(false);
                ReportProgress("counter", Interlocked.Increment(ref done), total);
            }
        }, cancellationToken))).ConfigureAwait(false);
        clock.Stop();

        long after = await counter.InnerCallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
        report.Phases.Add(new DemoPhase("Actor: concurrent adds", total, clock.Elapsed, 0));
        report.Check("actor counter is exact", after - before == total,
            $"{before:N0} + {total:N0} adds = {after:N0} (expected {before + total:N0})");
    }

    private async Task ReadHeavyModelAsync(DemoReport report, CancellationToken cancellationToken)
    {
        IRwModel<long> model = models.GetRwModel<long>($"{_options.KeyPrefix}/read-heavy");
        long before = await model.CallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
        int reads = _options.Readers * _options.ReadsPerReader;
        logger.LogInformation("Read-heavy model: {Readers} readers x {Reads} reads beside 1 writer x {Writes} writes",
            _options.Readers, _options.ReadsPerReader, _options.Writes);

        long lastSeen = before;
        bool monotonic = true;
        var clock = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, _options.Readers).Select(_ => Task.Run(async () =>
        {
            long previous = before;
            for (int i = 0; i < _options.ReadsPerReader; i++)
            {
                long value = await model.CallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
                if (value < previous)
                {
                    monotonic = false; // a read went back in time: a lost or torn write
                }

                previous = value;
            }

            Interlocked.Exchange(ref lastSeen, previous);
        }, cancellationToken));
        var writer = Task.Run(async () =>
        {
            for (int i = 0; i < _options.Writes; i++)
            {
                await model.CallMutAsync(new Add(1), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
        await Task.WhenAll(readers.Append(writer)).ConfigureAwait(false);
        clock.Stop();
        long after = await model.CallAsync(new GetValue(), cancellationToken).ConfigureAwait(false);
        report.Phases.Add(new DemoPhase("RwModel: reads beside a writer", reads + _options.Writes, clock.Elapsed, 0));
        report.Check("read-heavy model is exact", after - before == _options.Writes,
            $"{before:N0} + {_options.Writes} writes = {after:N0}; every reader saw the value only grow: {monotonic}");
        report.Check("reads never went back in time", monotonic, "each reader's successive reads were non-decreasing");

        // Slow reads, all at once: they overlap instead of queueing.
        string probe = $"{_options.KeyPrefix}/read-heavy/{Guid.NewGuid():N}";
        clock.Restart();
        Observation[] observations = await Task.WhenAll(Enumerable.Range(0, _options.SlowReads).Select(_ =>
            model.CallAsync(new SlowRead(probe, _options.SlowReadMilliseconds), cancellationToken).AsTask())).ConfigureAwait(false);
        clock.Stop();
        int peak = observations.Max(o => o.Concurrency);
        report.Phases.Add(new DemoPhase($"RwModel: {_options.SlowReads} slow reads at once", _options.SlowReads, clock.Elapsed, peak));
        double serial = _options.SlowReads * _options.SlowReadMilliseconds;
        // Overlap is judged by the count seen running together, not by the clock: a loaded machine can stretch
        // the wall time of reads that did overlap.
        report.Check("reads overlap", peak > 1,
            $"peak {peak} reads at once; {clock.Elapsed.TotalMilliseconds:N0} ms against {serial:N0} ms one after another");
    }

    private async Task ConcurrencyLimiterAsync(DemoReport report, CancellationToken cancellationToken)
    {
        IPCModel<SimulatedService> limiter = models.GetPCModel<SimulatedService>($"{_options.KeyPrefix}/limiter");
        int limit = limiter.MaxConcurrency;
        logger.LogInformation("Concurrency limiter: {Jobs} jobs of {Ms} ms through a limit of {Limit}", _options.Jobs, _options.JobMilliseconds, limit);

        int done = 0;
        var clock = Stopwatch.StartNew();
        Observation[] observations = await Task.WhenAll(Enumerable.Range(0, _options.Jobs).Select(async job =>
        {
            Observation observation = await limiter.CallAsync(new ProcessJob(job, _options.JobMilliseconds), cancellationToken).ConfigureAwait(false);
            ReportProgress("limiter", Interlocked.Increment(ref done), _options.Jobs);
            return observation;
        })).ConfigureAwait(false);
        clock.Stop();

        int peak = observations.Max(o => o.Concurrency);
        report.Phases.Add(new DemoPhase($"PCModel: jobs through a limit of {limit}", _options.Jobs, clock.Elapsed, peak));
        report.Check("no more than the limit ran at once", peak <= limit, $"peak {peak}, limit {limit}");
        report.Check("the limit was used", limit == 1 || peak > 1, $"peak {peak} of {limit}");
        report.Check("every job ran once", observations.Select(o => o.Value).Distinct().Count() == _options.Jobs,
            $"{observations.Length} results for {_options.Jobs} jobs");
    }

    private void ReportProgress(string phase, int done, int total)
    {
        // Four progress lines per phase: enough to see it move, few enough to read.
        int step = Math.Max(1, total / 4);
        if (done % step == 0 || done == total)
        {
            logger.LogInformation("  {Phase}: {Done:N0}/{Total:N0}", phase, done, total);
        }
    }
}

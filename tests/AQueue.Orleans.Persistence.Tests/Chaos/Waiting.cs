using System.Diagnostics;

namespace AQueue.Orleans.Persistence.Tests;

/// <summary>Waits for a state of a seeded load, never a fixed time.</summary>
public static class Waiting
{
    /// <summary>Waits until <paramref name="condition"/> holds, checking it every 50 ms.</summary>
    /// <returns>False when it did not hold within <paramref name="patience"/>.</returns>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>
    /// Calls <paramref name="ping"/> for every one of <paramref name="models"/> through each of <paramref name="callers"/>,
    /// again 50 ms after each failure, until each has answered once.
    /// </summary>
    /// <returns>Null when all answered within <paramref name="patience"/>; else which did not, and their last error.</returns>
    public static async Task<string?> SilentModelsAsync<TModel>(
        IEnumerable<(string Name, IModelProvider Models)> callers, IEnumerable<TModel> models, Func<IModelProvider, TModel, Task> ping, TimeSpan patience)
    {
        (string Name, IModelProvider Models)[] through = [.. callers];
        var clock = Stopwatch.StartNew();
        string?[] silent = await Task.WhenAll(
            from model in models
            from caller in through
            select Task.Run(async () =>
            {
                while (true)
                {
                    try
                    {
                        await ping(caller.Models, model);
                        return null;
                    }
                    catch (Exception exception) when (clock.Elapsed >= patience)
                    {
                        return $"{model} from {caller.Name}: {exception.GetType().Name}";
                    }
                    catch (Exception)
                    {
                        // Not yet: a dead silo's models answer again once it is declared dead. Ask again shortly.
                        await Task.Delay(50);
                    }
                }
            }));

        string[] failed = [.. silent.OfType<string>()];
        return failed.Length == 0 ? null : $"{failed.Length} models did not answer within {patience}: " + string.Join("; ", failed);
    }
}

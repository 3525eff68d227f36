using AQueue.Samples.Silo;

return await SiloApp.RunAsync(args, Console.Out, Console.Error);

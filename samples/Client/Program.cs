using AQueue.Samples.Client;

return await ClientApp.RunAsync(args, Console.Out, Console.Error);

namespace AQueue.Samples.Demo;

/// <summary>One thing the demo verified.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">The figures behind it.</param>
public sealed record DemoCheck(string Name, bool Passed, string Detail);

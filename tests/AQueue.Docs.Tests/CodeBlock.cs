namespace AQueue.Docs.Tests;

/// <summary>A <c>```csharp</c> block of a documentation page.</summary>
/// <param name="Page">The page, relative to the repository root.</param>
/// <param name="Line">The line of the block's opening fence.</param>
/// <param name="Code">The block's code.</param>
public sealed record CodeBlock(string Page, int Line, string Code)
{
    /// <summary>Whether the block holds only <c>using</c> directives and comments: the page's prelude.</summary>
    public bool IsPrelude => Code.Split('\n').Select(l => l.Trim())
        .All(l => l.Length == 0 || l.StartsWith("using ", StringComparison.Ordinal) || l.StartsWith("//", StringComparison.Ordinal));

    public override string ToString() => $"{Page}:{Line}";
}

namespace AQueue.Docs.Tests;

/// <summary>The pages whose C# blocks must compile: README.md and docs/*.md, copied beside the tests.</summary>
public static class DocumentationPages
{
    private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "Pages");

    /// <summary>Every page, relative to the repository root.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(s_root, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(s_root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The <c>```csharp</c> blocks of <paramref name="page"/>, in order.</summary>
    public static IReadOnlyList<CodeBlock> Blocks(string page)
    {
        string[] lines = File.ReadAllLines(Path.Combine(s_root, page));
        var blocks = new List<CodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            int start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                code.Add(lines[i]);
            }

            blocks.Add(new CodeBlock(page, start + 1, string.Join('\n', code)));
        }

        return blocks;
    }
}

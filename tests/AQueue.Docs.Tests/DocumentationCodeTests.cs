using Xunit;

namespace AQueue.Docs.Tests;

/// <summary>
/// Every C# block in README.md and docs/ compiles as pasted, with its page's usings (the page's first block that holds
/// only using directives) in front of it.
/// </summary>
public sealed class DocumentationCodeTests
{
    public static TheoryData<string> Pages() => [.. DocumentationPages.All().Where(p => DocumentationPages.Blocks(p).Count > 0)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_compiles_as_pasted(string page)
    {
        IReadOnlyList<CodeBlock> blocks = DocumentationPages.Blocks(page);
        CodeBlock? prelude = blocks.FirstOrDefault(b => b.IsPrelude);
        string[] errors = [.. blocks.Where(b => b != prelude).SelectMany(b => SnippetCompiler.Errors(b, prelude))];
        Assert.True(errors.Length == 0, $"{errors.Length} compiler errors in {page}'s examples:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void The_pages_with_examples_are_found()
    {
        // A test that found no page would pass vacuously.
        Assert.Contains("README.md", DocumentationPages.All());
        Assert.True(DocumentationPages.Blocks("README.md").Count >= 5);
        Assert.True(DocumentationPages.Blocks("docs/orleans.md").Count >= 3);
        Assert.True(DocumentationPages.Blocks("docs/testing.md").Count >= 3);
    }
}

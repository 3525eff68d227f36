using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AQueue.Docs.Tests;

/// <summary>
/// Compiles a page's block as a user would paste it into a new console project (its implicit usings): the page's
/// prelude (its usings) first, then the block, as a program
/// when it has top-level statements and as a library otherwise, against the framework and every assembly beside the tests
/// (AQueue's, Orleans', Microsoft.Extensions').
/// </summary>
public static class SnippetCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    // A new console project's implicit usings (ImplicitUsings=enable in the SDK's console template).
    private static readonly SyntaxTree s_implicitUsings = CSharpSyntaxTree.ParseText(
        """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """,
        new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>The compiler's errors for <paramref name="block"/>, each with its line in the page.</summary>
    public static IReadOnlyList<string> Errors(CodeBlock block, CodeBlock? prelude)
    {
        string preludeCode = prelude?.Code ?? "";
        int preludeLines = prelude is null ? 0 : preludeCode.Split('\n').Length;
        string source = preludeCode + "\n" + block.Code;
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        bool program = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            $"Snippet_{block.Line}",
            [s_implicitUsings, tree],
            s_references.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree)
            .Select(d =>
            {
                // The source is the prelude, a newline, then the block: the block's first line is the prelude's count plus one
                // (0-based), and the page line of the fence plus one.
                int line = d.Location.GetLineSpan().StartLinePosition.Line - preludeLines;
                string where = line >= 0 ? $"{block.Page}:{block.Line + 1 + line}" : $"{block.Page} (prelude)";
                return $"{where}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })];
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths.Add(path);
        }

        foreach (string path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            if (!paths.Any(p => Path.GetFileName(p).Equals(Path.GetFileName(path), StringComparison.OrdinalIgnoreCase)))
            {
                paths.Add(path);
            }
        }

        return [.. paths.Where(IsManagedAssembly).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// The documentation a newcomer reads: a README that fits on a few screens, every setting (every options class's key
/// and every key of appsettings.json) in docs/configuration.md, and no link in README.md or docs/ to a file that is not
/// there.
/// </summary>
public sealed partial class DocumentationTests
{
    private const int MaxReadmeBytes = 15 * 1024;

    private static string Root => BotProcess.RepositoryRoot;

    private static string ConfigurationDoc => File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));

    [Fact]
    public void TheReadme_IsAtMost15KB()
    {
        var bytes = new FileInfo(Path.Combine(Root, "README.md")).Length;
        Assert.True(bytes <= MaxReadmeBytes, $"README.md is {bytes:N0} bytes; the limit is {MaxReadmeBytes:N0}");
    }

    public static TheoryData<string> OptionsKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var type in new[] { typeof(Program).Assembly, typeof(Core.NewsQAServiceCollectionExtensions).Assembly }.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not { IsLiteral: true } field) continue;
            var section = (string)field.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                keys.Add(section.Length == 0 ? property.Name : $"{section}:{property.Name}");
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(OptionsKeys))]
    public void EveryOptionsKey_IsDocumented(string key) => Assert.Contains($"`{key}`", ConfigurationDoc, StringComparison.Ordinal);

    [Fact]
    public void EveryKeyOfAppsettings_IsDocumented()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.json")));
        var missing = Leaves(settings.RootElement, string.Empty).Where(k => !ConfigurationDoc.Contains($"`{k}`", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryLinkInTheReadmeAndDocs_LeadsToAFileThatIsThere()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories).Append(Path.Combine(Root, "README.md"));
        var broken = new List<string>();
        foreach (var document in documents)
        {
            // Code is not a link, even where it looks like one (`![alt](…)`).
            var prose = CodePattern().Replace(File.ReadAllText(document), string.Empty);
            foreach (Match link in LinkPattern().Matches(prose))
            {
                var parts = link.Groups["target"].Value.Split('#');
                var target = parts[0];
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var full = target.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target));
                var exists = File.Exists(full) || Directory.Exists(full);
                var anchored = parts.Length < 2 || !full.EndsWith(".md", StringComparison.Ordinal) || (exists && Anchors(full).Contains(parts[1]));
                if (!exists || !anchored) broken.Add($"{Path.GetRelativePath(Root, document)} → {link.Groups["target"].Value}");
            }
        }

        Assert.Empty(broken);
    }

    // GitHub's anchors: a heading in lower case, without its punctuation, its spaces made hyphens.
    private static HashSet<string> Anchors(string markdown) =>
        [.. HeadingPattern().Matches(FencePattern().Replace(File.ReadAllText(markdown), string.Empty)).Select(h =>
            string.Concat(h.Groups["text"].Value.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-'))];

    private static IEnumerable<string> Leaves(JsonElement element, string prefix) => element.ValueKind == JsonValueKind.Object
        ? element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}"))
        : [prefix];

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6} (?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencePattern();

    [GeneratedRegex(@"```.*?```|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex CodePattern();
}

using System.Text.Json;

namespace NewsQA.Bot.Tests;

/// <summary>The Teams app package template: one bot whose id is the app id, the three scopes, and icons of the sizes Teams wants.</summary>
public class AppPackageTests
{
    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "appPackage"));

    [Fact]
    public void Manifest_HasOneBot_BoundToTheAppId_InEveryScope()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "manifest.template.json")));
        var bot = Assert.Single(manifest.RootElement.GetProperty("bots").EnumerateArray());
        Assert.Equal("${MicrosoftAppId}", bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("color.png", manifest.RootElement.GetProperty("icons").GetProperty("color").GetString());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_AreSquarePngsOfTheRequiredSize(string file, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder(), file));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.Equal((size, size), (width, height));
    }
}

using System.Security.Cryptography;
using System.Text.Json;

namespace LinkService.Tests.Support;

/// <summary>A datapackage.json listing every file of an output folder with its size and sha256, as packaging writes it: publishing copies only what is listed.</summary>
internal static class TestPackages
{
    public static string Listing(string outputFolder)
    {
        var resources = Directory.GetFiles(outputFolder).Where(f => Path.GetFileName(f) != "datapackage.json").Order(StringComparer.Ordinal)
            .Select(f => new { path = Path.GetFileName(f), bytes = new FileInfo(f).Length, hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))) });
        return JsonSerializer.Serialize(new { resources });
    }
}

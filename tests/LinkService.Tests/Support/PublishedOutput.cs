using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace LinkService.Tests.Support;

/// <summary>What an analyst finds in a published run's export folder.</summary>
internal static class PublishedOutput
{
    /// <summary>The folder holds exactly the files its datapackage.json lists, each with the size and sha256 it gives.</summary>
    public static async Task AssertWholeAsync(string folder, CancellationToken cancellationToken)
    {
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "datapackage.json"), cancellationToken))!;
        var described = new HashSet<string>(StringComparer.Ordinal) { "datapackage.json" };
        foreach (var resource in package["resources"]!.AsArray())
        {
            var path = resource!["path"]!.GetValue<string>();
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, path), cancellationToken);
            Assert.Equal(resource["bytes"]!.GetValue<long>(), bytes.Length);
            Assert.Equal(resource["hash"]!.GetValue<string>(), "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
            described.Add(path);
        }

        var present = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'));
        Assert.Equal(described.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Tests.Support;

namespace LinkService.Outputs.Tests.Packaging;

/// <summary>The package of a real run's output, as the anonymise and check stages wrote it (shares the browser's fixture).</summary>
[Collection(RenderedReportGroup.Name)]
public sealed class OutputPackagerEndToEndTests(RenderedReport report)
{
    [Fact]
    public void PackageAsync_AfterTheRealStages_DescribesEveryFileWithItsHashAndEveryCsvWithItsHeader()
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(report.OutputFolder, OutputFiles.DataPackage)));
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!);

        var files = Directory.EnumerateFiles(report.OutputFolder).Select(f => Path.GetFileName(f)).Where(n => n != OutputFiles.DataPackage).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), resources.Keys);
        Assert.Contains(OutputFiles.DisclosureReportText, files);
        Assert.Contains("offenders_by_offence.csv", files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(report.OutputFolder, file));
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), resources[file].GetProperty("hash").GetString());
            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                var header = File.ReadLines(Path.Combine(report.OutputFolder, file)).First().Split(',');
                Assert.Equal(header, resources[file].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            }
        }
    }
}

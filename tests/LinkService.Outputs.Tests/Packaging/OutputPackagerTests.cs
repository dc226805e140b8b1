using System.Security.Cryptography;
using System.Text.Json;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Packaging;

public sealed class OutputPackagerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PackageAsync_EveryFileOfTheFolder_IsAResourceWithItsBytesAndSha256()
    {
        var output = await PackageAsync();

        var resources = Resources(output.Folder);
        var files = Directory.EnumerateFiles(output.Folder).Select(Path.GetFileName).Where(n => n != OutputFiles.DataPackage).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, resources.Select(r => r.GetProperty("path").GetString()));
        Assert.Contains(OutputFiles.QualityReportHtml, files);
        Assert.Contains(OutputFiles.DictionaryMarkdown, files);
        Assert.Equal(resources.Count, resources.Select(r => r.GetProperty("name").GetString()).Distinct(StringComparer.Ordinal).Count());
        foreach (var resource in resources)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output.Folder, resource.GetProperty("path").GetString()!), TestContext.Current.CancellationToken);
            Assert.Equal(bytes.LongLength, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("hash").GetString());
            Assert.False(string.IsNullOrEmpty(resource.GetProperty("mediatype").GetString()));
        }
    }

    [Fact]
    public async Task PackageAsync_CsvResources_HaveSchemaFieldsEqualToTheirHeader()
    {
        var output = await PackageAsync();

        var tables = Resources(output.Folder).Where(r => r.GetProperty("path").GetString()!.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, tables.Count);
        foreach (var table in tables)
        {
            var header = File.ReadLines(Path.Combine(output.Folder, table.GetProperty("path").GetString()!)).First().Split(',');
            var fields = table.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(header, fields.Select(f => f.GetProperty("name").GetString()));
            Assert.All(fields, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("description").GetString())));
            Assert.All(fields, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("type").GetString())));
        }
    }

    [Fact]
    public async Task PackageAsync_Package_NamesTheProjectAndTheClockTime()
    {
        var output = await PackageAsync();

        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.Folder, OutputFiles.DataPackage), TestContext.Current.CancellationToken));
        var root = package.RootElement;
        Assert.Equal("reoffending-benefits-run-20260301", root.GetProperty("name").GetString());
        Assert.Equal("2026-03-01T02:30:00Z", root.GetProperty("created").GetString());
        Assert.StartsWith("Benefit receipt and work after release", root.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageAsync_SameInputsAndClock_WritesIdenticalBytes()
    {
        var first = await PackageAsync();
        var firstBytes = Snapshot(first.Folder);
        Directory.Delete(_temp.Path, recursive: true);
        Directory.CreateDirectory(_temp.Path);

        var second = await PackageAsync();

        Assert.Equal(firstBytes, Snapshot(second.Folder));
    }

    [Fact]
    public async Task PackageAsync_RunAgainOnItsOwnOutput_WritesTheSameFiles()
    {
        var output = await PackageAsync();
        var once = Snapshot(output.Folder);

        await Packager().PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, TestContext.Current.CancellationToken);

        Assert.Equal(once, Snapshot(output.Folder));
    }

    [Fact]
    public async Task PackageAsync_FileNoStageDescribed_RefusesNamingTheFile()
    {
        var output = SomeOutput.Write(_temp, RunFolder.Write(_temp.Combine("run")));
        await File.WriteAllTextAsync(Path.Combine(output.Folder, "stray.csv"), "a\n1\n", TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Packager().PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, TestContext.Current.CancellationToken));

        Assert.Contains("'stray.csv'", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output.Folder, OutputFiles.DataPackage)));
    }

    [Fact]
    public async Task PackageAsync_HeaderDiffersFromTheDescribedColumns_RefusesNamingFileAndColumns()
    {
        var output = SomeOutput.Write(_temp, RunFolder.Write(_temp.Combine("run")));
        await File.WriteAllTextAsync(Path.Combine(output.Folder, "welfare.csv"), "person,record,benefit,postcode\nP1,R1,x,y\n", TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => Packager().PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, TestContext.Current.CancellationToken));

        Assert.Contains("'welfare.csv' has the columns person, record, benefit, postcode", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("P1", failure.Message, StringComparison.Ordinal);
    }

    private async Task<SomeOutput> PackageAsync()
    {
        var output = SomeOutput.Write(_temp, RunFolder.Write(_temp.Combine("run")));
        await Packager().PackageAsync(output.Request, output.Anonymised, output.Report, output.Folder, TestContext.Current.CancellationToken);
        return output;
    }

    private OutputPackager Packager() => new(NullLogger<OutputPackager>.Instance, _clock);

    private static List<JsonElement> Resources(string folder)
    {
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, OutputFiles.DataPackage)));
        return [.. package.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.Clone())];
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f)));
}

using System.Security.Cryptography;
using System.Text.Json;
using LinkService.Linkage.Running;
using LinkService.Outputs.Packaging;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Tests.Packaging;

public sealed class DataPackageWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAsync_AFileHashedAsItWasWritten_IsDescribedByThatHash()
    {
        var path = _temp.Write(Path.Combine("out", "justice.csv"), "person_pseudonym,record_pseudonym\r\nP-1,R-1\r\n");
        var written = new WrittenFile(new FileInfo(path).Length, SHA256.HashData("as written"u8));

        var resource = await ResourceAsync(written);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(written.Sha256), resource.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task WriteAsync_AFileWhoseSizeIsNotTheSizeWritten_IsHashedAsItIsOnDisk()
    {
        var path = _temp.Write(Path.Combine("out", "justice.csv"), "person_pseudonym,record_pseudonym\r\nP-1,R-1\r\n");
        var written = new WrittenFile(new FileInfo(path).Length - 1, SHA256.HashData("as written"u8));

        var resource = await ResourceAsync(written);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), resource.GetProperty("hash").GetString());
        Assert.Equal(new FileInfo(path).Length, resource.GetProperty("bytes").GetInt64());
    }

    private async Task<JsonElement> ResourceAsync(WrittenFile written)
    {
        var folder = _temp.Combine("out");
        var table = new OutputTable("justice.csv", "Justice", "One row a record.", [new("person_pseudonym", "string", "person"), new("record_pseudonym", "string", "record")], 1, null);
        var heading = new PackageHeading("p-run", "p, run", "d", "2026-03-01T02:30:00Z");
        await DataPackageWriter.WriteAsync(
            folder, heading, [new PackagedFile("justice.csv", table.Title, table.Description, "text/csv", table)], new Dictionary<string, WrittenFile> { ["justice.csv"] = written }, TestContext.Current.CancellationToken);
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, OutputFiles.DataPackage), TestContext.Current.CancellationToken));
        return package.RootElement.GetProperty("resources")[0].Clone();
    }
}

using LinkService.Linkage.Running;
using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Persons;

/// <summary>
/// The linkage map the anonymiser numbers records from: handed over in memory by the run that linked in this process,
/// or read back from the run folder's links.csv by a resumed run. The two must make the same output, byte for byte.
/// </summary>
public sealed class LinksFileTests
{
    [Fact]
    public async Task Read_TheRunsMapInMemory_MakesTheBytesItsLinksFileMakes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, result) = await LinkedRun.LinkAsync(temp, services, cancellationToken);
        Assert.NotNull(result.Map);

        var fromFile = await AnonymiseAsync(services, request, temp.Combine("from-file"), cancellationToken);
        var fromMemory = await AnonymiseAsync(services, request with { Map = result.Map }, temp.Combine("from-memory"), cancellationToken);

        Assert.Equal(fromFile.Keys.Order(StringComparer.Ordinal), fromMemory.Keys.Order(StringComparer.Ordinal));
        Assert.All(fromFile, file => Assert.True(file.Value.SequenceEqual(fromMemory[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public async Task Read_TheRunsMapInMemory_DoesNotReadTheLinksFile()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, result) = await LinkedRun.LinkAsync(temp, services, cancellationToken);
        File.Delete(Path.Combine(request.RunFolder, RunFiles.Links));

        var written = await AnonymiseAsync(services, request with { Map = result.Map }, temp.Combine("from-memory"), cancellationToken);

        Assert.Contains("justice.csv", written.Keys);
        await Assert.ThrowsAsync<FileNotFoundException>(() => AnonymiseAsync(services, request, temp.Combine("from-file"), cancellationToken));
    }

    /// <summary>Anonymises into <paramref name="folder"/>; every file written (the person map too) by name, with its bytes.</summary>
    private static async Task<Dictionary<string, byte[]>> AnonymiseAsync(IServiceProvider services, OutputRequest request, string folder, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IAnonymiser>().AnonymiseAsync(request, folder, cancellationToken);
        var files = Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        files["persons.csv"] = File.ReadAllBytes(Path.Combine(request.RunFolder, "persons.csv"));
        return files;
    }
}

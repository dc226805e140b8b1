using LinkService.Outputs.Stages;
using LinkService.Outputs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Outputs.Tests.Stages;

/// <summary>
/// The output files' rows, read while the run links, in the process that links it: the anonymiser takes them rather than
/// read the deliveries again, and must make the same output with them, byte for byte, as a resumed run makes without.
/// </summary>
public sealed class PreparedRowsTests
{
    [Fact]
    public async Task Start_RowsReadWhileTheRunLinks_MakeTheBytesReadingThemAfterMakes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, result) = await LinkedRun.LinkAsync(temp, services, cancellationToken);
        await using var rows = PreparedRows.Start(request.Project, request.Inputs, cancellationToken);

        var after = await AnonymiseAsync(services, request with { Map = result.Map }, temp.Combine("after"), cancellationToken);
        var prepared = await AnonymiseAsync(services, request with { Map = result.Map, Rows = rows }, temp.Combine("prepared"), cancellationToken);

        Assert.Equal(after.Keys.Order(StringComparer.Ordinal), prepared.Keys.Order(StringComparer.Ordinal));
        Assert.All(after, file => Assert.True(file.Value.SequenceEqual(prepared[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public async Task Start_RowsReadWhileTheRunLinks_AreNotReadAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, result) = await LinkedRun.LinkAsync(temp, services, cancellationToken);
        await using var rows = PreparedRows.Start(request.Project, request.Inputs, cancellationToken);
        await rows.Read;

        // The deliveries gone: only rows already read can make the files.
        foreach (var input in request.Inputs)
        {
            File.Delete(input.FilePath);
        }

        var prepared = await AnonymiseAsync(services, request with { Map = result.Map, Rows = rows }, temp.Combine("prepared"), cancellationToken);

        Assert.Contains("justice.csv", prepared.Keys);
        Assert.Contains("welfare.csv", prepared.Keys);
    }

    [Fact]
    public async Task Start_RowsOfOtherDeliveries_AreReadAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, result) = await LinkedRun.LinkAsync(temp, services, cancellationToken);

        // Read from other deliveries: the first rows of each, under other ids.
        var others = request.Inputs.Select(i => i with { DeliveryId = "other-" + i.DeliveryId, FilePath = FirstRows(i.FilePath, temp) }).ToList();
        await using var rows = PreparedRows.Start(request.Project, others, cancellationToken);
        await rows.Read;
        var prepared = await AnonymiseAsync(services, request with { Map = result.Map, Rows = rows }, temp.Combine("prepared"), cancellationToken);
        var after = await AnonymiseAsync(services, request with { Map = result.Map }, temp.Combine("after"), cancellationToken);

        Assert.All(after, file => Assert.True(file.Value.SequenceEqual(prepared[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public async Task DisposeAsync_ARunThatFailedBeforeItsOutputs_StopsTheReadingQuietly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        await using var services = LinkedRun.Services(new FakeTimeProvider());
        var (request, _) = await LinkedRun.LinkAsync(temp, services, cancellationToken);
        var missing = request.Inputs.Select(i => i with { FilePath = temp.Combine("gone", Path.GetFileName(i.FilePath)) }).ToList();

        var rows = PreparedRows.Start(request.Project, missing, cancellationToken);

        // Nothing took the rows (nor saw the reading fail); disposing waits for it and throws nothing.
        await rows.DisposeAsync();
    }

    /// <summary>A copy of the delivery's header and first ten rows.</summary>
    private static string FirstRows(string path, TempDirectory temp)
    {
        var copy = temp.Combine("others", Path.GetFileName(path));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllLines(copy, File.ReadLines(path).Take(11));
        return copy;
    }

    /// <summary>Anonymises into <paramref name="folder"/>; every file written (the person map too) by name, with its bytes.</summary>
    private static async Task<Dictionary<string, byte[]>> AnonymiseAsync(IServiceProvider services, OutputRequest request, string folder, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IAnonymiser>().AnonymiseAsync(request, folder, cancellationToken);
        var files = Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        files["persons.csv"] = File.ReadAllBytes(Outputs.Persons.PersonMap.PathIn(request.RunFolder));
        return files;
    }
}

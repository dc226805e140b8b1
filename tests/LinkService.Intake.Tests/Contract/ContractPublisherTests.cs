using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Intake.Contract;
using LinkService.Intake.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Intake.Tests.Contract;

public sealed class ContractPublisherTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ServicePaths _paths;

    public ContractPublisherTests() => _paths = new ServicePaths(new FolderOptions(), _root.Path);

    public void Dispose() => _root.Dispose();

    private string Outbox => _paths.OutboxFolder("welfare");

    [Fact]
    public async Task PublishAsync_NewSite_BothFilesInTheOutbox()
    {
        await Publisher(ContractSources.Welfare()).PublishAsync(CancellationToken.None);

        Assert.Equal(["CONTRACT.md", "datapackage.json"], IntakeHarness.FilesIn(Outbox));
        Assert.Equal(DataPackageJson.Write(ContractSources.Welfare()), await File.ReadAllTextAsync(Path.Combine(Outbox, "datapackage.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PublishAsync_SameConfigurationAgain_FilesLeftUntouched()
    {
        await Publisher(ContractSources.Welfare()).PublishAsync(CancellationToken.None);
        var contract = Path.Combine(Outbox, "CONTRACT.md");
        var earlier = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(contract, earlier);

        await Publisher(ContractSources.Welfare()).PublishAsync(CancellationToken.None);

        Assert.Equal(earlier, File.GetLastWriteTimeUtc(contract));
    }

    [Fact]
    public async Task PublishAsync_ConfigurationChanged_ContractRewritten()
    {
        await Publisher(ContractSources.Welfare(CompletionSignal.Marker)).PublishAsync(CancellationToken.None);

        await Publisher(ContractSources.Welfare(CompletionSignal.Quiet)).PublishAsync(CancellationToken.None);

        Assert.DoesNotContain(".done", await File.ReadAllTextAsync(Path.Combine(Outbox, "CONTRACT.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_OutboxIsALinkToTheKeysFolder_NothingWrittenThere()
    {
        Directory.CreateDirectory(_paths.KeysFolder);
        Directory.CreateDirectory(_paths.DropFolder("welfare"));
        Directory.CreateSymbolicLink(Outbox, _paths.KeysFolder);

        await Publisher(ContractSources.Welfare()).PublishAsync(CancellationToken.None);

        Assert.Empty(Directory.GetFileSystemEntries(_paths.KeysFolder));
    }

    private ContractPublisher Publisher(SourceDefinition source) =>
        new(new ConfigCatalog(_root.Path, new Dictionary<string, SourceDefinition> { [source.Name] = source }, new Dictionary<string, TableSchema>(), new Dictionary<string, ProjectDefinition>()), _paths, TimeSpan.FromMinutes(5), NullLogger.Instance);
}

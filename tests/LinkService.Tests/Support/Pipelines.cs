using LinkService.Audit;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Running;
using LinkService.Linking;
using LinkService.Publishing;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkService.Tests.Support;

/// <summary>The run pipeline wired as the host wires it, on a test's folder, ledger and clock, with the stages after linkage of the test's choice.</summary>
internal sealed class Pipelines(ServiceFolder folder, ILedger ledger, TimeProvider time, FakeOutputs outputs, RunOwner owner)
{
    public OutputPipeline Outputs()
    {
        var catalog = folder.LoadCatalog();
        var stages = new OutputStages(
            catalog, folder.Paths, ledger, outputs, outputs, outputs, new ExportPublisher(folder.Paths), owner, time, NullLogger<OutputStages>.Instance);
        return new OutputPipeline(catalog, ledger, Integrity(), stages, owner, LeaseTerms.Default, time, NullLogger<OutputPipeline>.Instance);
    }

    public ProjectRunner Runner(ILinkageRunner linkage) => new(
        folder.LoadCatalog(), folder.Paths, ledger, Integrity(), linkage, Outputs(), owner, LeaseTerms.Default, time, NullLogger<ProjectRunner>.Instance);

    public RunDecisions Decisions() => new(folder.LoadCatalog(), folder.Paths, ledger, Integrity(), Outputs(), owner, NullLogger<RunDecisions>.Instance);

    private LedgerIntegrity Integrity() => new(ledger, folder.Paths);
}

using LinkService.Audit;
using LinkService.Ledger;
using LinkService.Ledger.Runs;
using LinkService.Linkage.Memory;
using LinkService.Linkage.Running;
using LinkService.Linking;
using LinkService.Progress;
using LinkService.Publishing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinkService.Tests.Support;

/// <summary>The run pipeline wired as the host wires it, on a test's folder, ledger and clock, with the stages after linkage of the test's choice.</summary>
internal sealed class Pipelines(ServiceFolder folder, ILedger ledger, TimeProvider time, FakeOutputs outputs, RunOwner owner)
{
    /// <summary>Where the runs' progress goes: nowhere unless a test says.</summary>
    public IProgressSink ProgressSink { get; init; } = new LogProgressSink(NullLogger<LogProgressSink>.Instance);

    public OutputPipeline Outputs()
    {
        var catalog = folder.LoadCatalog();
        var stages = new OutputStages(
            catalog, folder.Paths, ledger, outputs, outputs, outputs, new ExportPublisher(folder.Paths), owner, time, NullLogger<OutputStages>.Instance);
        return new OutputPipeline(catalog, ledger, Integrity(), stages, owner, LeaseTerms.Default, Progress(), time, NullLogger<OutputPipeline>.Instance);
    }

    public ProjectRunner Runner(ILinkageRunner linkage) => new(
        folder.LoadCatalog(), folder.Paths, ledger, Integrity(), linkage, Outputs(), owner, LeaseTerms.Default, Progress(), HugePages(), time, NullLogger<ProjectRunner>.Instance);

    public RunDecisions Decisions() => new(folder.LoadCatalog(), folder.Paths, ledger, Integrity(), Outputs(), owner, time, NullLogger<RunDecisions>.Instance);

    private RunProgress Progress() => new(ProgressSink, time, Options.Create(new ProgressOptions()));

    // Off: the pipelines' tests are about runs, not the process's memory (Memory/HugePageAdviceTests are).
    private HugePageAdvice HugePages() => new(Options.Create(new HugePageOptions { Enabled = false }), time, NullLogger<HugePageAdvice>.Instance);

    private LedgerIntegrity Integrity() => new(ledger, folder.Paths);
}

using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// What a kill interrupted, read from the ledger and the inboxes once the process is dead: the stages of the deliveries
/// and runs it had in hand. A kill aimed at one stage can land in another (or in none, the work having finished); the
/// coverage the test asserts is of where kills landed, not where they were aimed.
/// </summary>
internal sealed record Interruption(KillPoint Kill, IReadOnlySet<CrashStage> Stages, IReadOnlyList<string> RunsMidOutput, string Detail)
{
    /// <param name="killed">The node killed: its runs are those under its leases, its deliveries those its output names.</param>
    public static async Task<Interruption> ReadAsync(KillPoint kill, CrashSite site, ServiceProcess killed, CancellationToken cancellationToken)
    {
        var stages = new HashSet<CrashStage>();
        var detail = new List<string>();
        var waiting = site.Sources.Sum(source => InboxFiles(site, source).Count);
        if (waiting > 0)
        {
            stages.Add(CrashStage.Intake);
            detail.Add($"{waiting} file(s) waiting in inboxes");
        }

        using var opened = site.OpenLedger();
        var output = killed.Output;
        foreach (var delivery in (await opened.Ledger.GetRecentDeliveriesAsync(null, 1000, cancellationToken)).Where(d => d.SettledAt is null && output.Contains(d.Id, StringComparison.Ordinal)))
        {
            stages.Add(delivery.State == DeliveryState.Received ? CrashStage.Intake : CrashStage.Validation);
            detail.Add($"delivery {delivery.Id} {delivery.State.ToString().ToLowerInvariant()}");
        }

        var midOutput = new List<string>();
        foreach (var run in await opened.Ledger.GetRunsInStateAsync(RunState.Running, cancellationToken))
        {
            if (run.Lease?.Owner.ProcessId != killed.Id)
            {
                continue;
            }

            var stage = run.Stage switch
            {
                RunStage.Linking => CrashStage.Linkage,
                RunStage.Linked or RunStage.Anonymised => CrashStage.Anonymisation,
                _ => CrashStage.Publishing,
            };
            stages.Add(stage);
            if (stage != CrashStage.Linkage)
            {
                midOutput.Add(run.Id);
            }

            detail.Add($"run {run.Id} {run.Stage.ToString().ToLowerInvariant()}");
        }

        return new Interruption(kill, stages, midOutput, detail.Count == 0 ? "nothing in hand" : string.Join(", ", detail));
    }

    /// <summary>The files in a department's inbox that intake has yet to take (not an upload's temporary name).</summary>
    public static IReadOnlyList<string> InboxFiles(CrashSite site, string source)
    {
        var inbox = site.Folder.InboxFolder(source);
        return Directory.Exists(inbox)
            ? Directory.GetFiles(inbox).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".part", StringComparison.Ordinal)).ToList()
            : [];
    }

    public override string ToString() =>
        $"{Kill}: landed in {(Stages.Count == 0 ? "no stage" : string.Join(" and ", Stages.Order()))} ({Detail})";
}

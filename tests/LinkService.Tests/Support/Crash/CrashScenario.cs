using System.Diagnostics;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// The departments deliver while the project runs on its schedule, and the plan's kills fall: each waits for its sign,
/// then its delay, then SIGKILLs its node and restarts it. Kills aimed at intake or validation deliver the next file as
/// their sign; the files left over are delivered after the last kill. Then the site is let settle: every delivery
/// finished, a run on the latest extracts published, and (the schedule put off to next year, so that no new run begins)
/// every run that was under way finished.
/// </summary>
internal sealed class CrashScenario
{
    /// <summary>Long enough for a start, a lease to expire and a scheduled run on a busy machine; a wait this long means something is stuck.</summary>
    private static readonly TimeSpan SignTimeout = TimeSpan.FromSeconds(60);

    private readonly CrashSite _site;
    private readonly KillPlan _plan;
    private readonly Action<string> _say;
    private readonly List<DeliveredFile> _toSend = [.. DepartmentFiles.InOrder()];
    private readonly List<DeliveredFile> _sent = [];
    private readonly List<Interruption> _interruptions = [];
    private readonly ServiceProcess?[] _nodes;

    public CrashScenario(CrashSite site, KillPlan plan, Action<string> say)
    {
        _site = site;
        _plan = plan;
        _say = say;
        _nodes = new ServiceProcess?[site.Nodes];
    }

    public IReadOnlyList<DeliveredFile> Sent => _sent;

    public IReadOnlyList<Interruption> Interruptions => _interruptions;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            for (var node = 0; node < _nodes.Length; node++)
            {
                _nodes[node] = await StartAsync(node);
            }

            // The first month's extracts of the two linked departments: the schedule has something to link from the start.
            await SendAsync(_toSend[0], cancellationToken);
            await SendAsync(_toSend[0], cancellationToken);
            foreach (var kill in _plan.Kills)
            {
                await KillAsync(kill, cancellationToken);
            }

            while (_toSend.Count > 0)
            {
                await SendAsync(_toSend[0], cancellationToken);
            }

            await SettleAsync(cancellationToken);
        }
        finally
        {
            foreach (var node in _nodes)
            {
                node?.Dispose();
            }
        }
    }

    private async Task KillAsync(KillPoint kill, CancellationToken cancellationToken)
    {
        // A file waiting is waited for by every node: the plan's node is killed. A line is printed by the node doing
        // the work: that node is killed, whichever it is.
        Func<string, bool>? line = null;
        if (kill.Sign is KillSign.Dropped or KillSign.Received or KillSign.Validating)
        {
            var file = NextFileFor(kill);
            line = kill.Sign switch
            {
                KillSign.Received => l => l.Contains($" received from {file.Source}", StringComparison.Ordinal),
                KillSign.Validating => l => l.Contains($"Validating {file.Name} for source", StringComparison.Ordinal),
                _ => null,
            };
            var signed = line is null ? Task.FromResult(kill.Node) : NodePrintingAsync(line, $"{kill.Sign} of {file}", cancellationToken);
            await SendAsync(file, cancellationToken);
            await KillAtAsync(kill, signed, cancellationToken);
            return;
        }

        line = kill.Sign switch
        {
            KillSign.RunStarted => l => l.Contains("Linkage run ", StringComparison.Ordinal) && l.Contains(" started on ", StringComparison.Ordinal),
            KillSign.Linked => l => l.Contains("Linkage run ", StringComparison.Ordinal) && l.Contains(" completed in ", StringComparison.Ordinal),
            _ => l => l.Contains(": Checked in ", StringComparison.Ordinal),
        };
        await KillAtAsync(kill, NodePrintingAsync(line, $"a run's sign {kill.Sign}", cancellationToken), cancellationToken);
    }

    /// <summary>Waits for the sign, then the kill's delay; kills the node the sign names and starts it again.</summary>
    private async Task KillAtAsync(KillPoint kill, Task<int> sign, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var index = await sign;
        var signAfter = waited.Elapsed;

        // The kill's moment: a delay drawn from the seed, not a wait for a condition.
        await Task.Delay(kill.Delay, cancellationToken);
        var node = _nodes[index]!;
        await node.KillAsync();
        var interruption = await Interruption.ReadAsync(kill, _site, node, cancellationToken);
        _interruptions.Add(interruption);
        node.Dispose();
        _nodes[index] = null;
        var restart = Stopwatch.StartNew();
        _nodes[index] = await StartAsync(index);
        _say(FormattableString.Invariant($"{interruption}; node {index} killed; sign after {signAfter.TotalSeconds:0.0} s, restarted in {restart.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>The index of the first node to print a line <paramref name="line"/> accepts, from now on.</summary>
    private async Task<int> NodePrintingAsync(Func<string, bool> line, string because, CancellationToken cancellationToken)
    {
        using var others = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = _nodes.Select(node => node!.NextLineAsync(line, SignTimeout, because, others.Token)).ToList();
        var first = await Task.WhenAny(waits);
        await others.CancelAsync();
        await Task.WhenAll(waits.Where(w => w != first).Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        await first;
        return waits.IndexOf(first);
    }

    /// <summary>
    /// Starts a node and, once intake watches the inboxes, closes again each file waiting there, as a department's SFTP
    /// client resuming its upload would: a file the new process never saw closed would otherwise wait the fallback quiet
    /// period (a minute at the least), by design, since nothing tells it the upload had finished.
    /// </summary>
    private async Task<ServiceProcess> StartAsync(int node)
    {
        var process = _site.Start(node);
        await process.IntakeWatchingAsync(SignTimeout, $"intake starts on node {node}", TestContext.Current.CancellationToken);
        foreach (var waiting in _site.Sources.SelectMany(source => Interruption.InboxFiles(_site, source)))
        {
            try
            {
                using var reopened = new FileStream(waiting, FileMode.Open, FileAccess.Write);
            }
            catch (FileNotFoundException)
            {
                // Taken meanwhile.
            }
        }

        return process;
    }

    /// <summary>
    /// The file a kill delivers: for one aimed inside copying or checking, the next large file that is copied (or
    /// checked), if any is left, else the next that is; for one aimed at a file waiting, the next in order.
    /// </summary>
    private DeliveredFile NextFileFor(KillPoint kill)
    {
        Func<DeliveredFile, bool> fits = kill.Sign switch
        {
            KillSign.Validating => IsChecked,
            KillSign.Received => f => f.Expected != DeliveryState.Refused,
            _ => _ => true,
        };
        var file = (kill.Sign == KillSign.Dropped ? null : _toSend.FirstOrDefault(f => DepartmentFiles.IsLarge(f) && fits(f))) ?? _toSend.FirstOrDefault(fits);
        Assert.True(file is not null, $"{kill}: no file is left to deliver; the departments' files are fewer than the kills aimed at intake and validation");
        return file;
    }

    private static bool IsChecked(DeliveredFile file) => file.Expected is DeliveryState.Accepted or DeliveryState.Rejected && file.SameContentAs is null;

    private async Task SendAsync(DeliveredFile file, CancellationToken cancellationToken)
    {
        await file.DropAsync(_site.Folder.InboxFolder(file.Source), cancellationToken);
        _toSend.Remove(file);
        _sent.Add(file);
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        await Eventually.TrueAsync(() => SettledAsync(cancellationToken), SignTimeout * 2, "every delivery finishes and a run on the latest extracts is published");
        foreach (var node in _nodes)
        {
            // Stopped once started whole: a stop during a node's start (Quartz's clustered store still checking its
            // schema) fails the start with exit code 1, a matter of its own.
            await node!.FirstLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), SignTimeout, "the node has started", cancellationToken);
            var exit = await node.StopAsync(SignTimeout);
            Assert.True(exit == 0, $"a node stopped with exit code {exit}:\n{node.Output}");
        }

        _site.Schedule(CrashSite.Yearly);
        for (var node = 0; node < _nodes.Length; node++)
        {
            _nodes[node]!.Dispose();
            _nodes[node] = null;
            _nodes[node] = await StartAsync(node);
        }

        await Eventually.TrueAsync(() => NoneRunningAsync(cancellationToken), SignTimeout, "every run under way when the schedule was taken off finishes");
        foreach (var node in _nodes)
        {
            // Stopped once started whole: a stop during a node's start (Quartz's clustered store still checking its
            // schema) fails the start with exit code 1, a matter of its own.
            await node!.FirstLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), SignTimeout, "the node has started", cancellationToken);
            var exit = await node.StopAsync(SignTimeout);
            Assert.True(exit == 0, $"a node stopped with exit code {exit}:\n{node.Output}");
        }
    }

    private async Task<bool> SettledAsync(CancellationToken cancellationToken)
    {
        if (_site.Sources.Any(source => Interruption.InboxFiles(_site, source).Count > 0))
        {
            return false;
        }

        using var opened = _site.OpenLedger();
        var deliveries = await opened.Ledger.GetRecentDeliveriesAsync(null, 1000, cancellationToken);
        if (deliveries.Count < _sent.Count || deliveries.Any(d => d.SettledAt is null))
        {
            return false;
        }

        var latest = new List<string>();
        foreach (var source in new[] { "justice", "welfare" })
        {
            latest.Add((await opened.Ledger.GetAcceptedDeliveriesAsync(source, 1, cancellationToken))[0].Id);
        }

        var runs = await opened.Ledger.GetRecentRunsAsync(CrashSite.Project, 1000, cancellationToken);
        return runs.Any(r => r.Stage == RunStage.Published && r.DeliveryIds.Order(StringComparer.Ordinal).SequenceEqual(latest.Order(StringComparer.Ordinal)));
    }

    private async Task<bool> NoneRunningAsync(CancellationToken cancellationToken)
    {
        using var opened = _site.OpenLedger();
        return (await opened.Ledger.GetRunsInStateAsync(RunState.Running, cancellationToken)).Count == 0;
    }
}

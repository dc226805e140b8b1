using LinkService.Ledger.Runs;
using LinkService.Tests.Support;

namespace LinkService.Tests.Cli;

public sealed class EvaluateCommandTests
{
    private const string Project = "reoffending-benefits";

    // Entities as a run linked them: E1 and E2 right, E3 joins two different people, OFF90000004 and C900000004 are one
    // person left apart, and E5 joins one person's two justice records.
    private const string Links = """
        source,record_id,entity_id,match_probability
        justice,OFF90000001,E1,0.99
        welfare,C900000001,E1,0.99
        justice,OFF90000002,E2,0.98
        welfare,C900000002,E2,0.98
        justice,OFF90000003,E3,0.95
        welfare,C900000003,E3,0.95
        justice,OFF90000004,E4,0
        welfare,C900000004,E6,0
        justice,OFF90000005,E5,0.97
        justice,OFF90000006,E5,0.97
        """;

    [Fact]
    public async Task Evaluate_LatestCompletedRunAgainstATruthFile_PrintsCrossAndWithinSourceFiguresButNoIdentifier()
    {
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links);
        var truth = folder.Combine("truth.csv");
        await File.WriteAllTextAsync(truth, """
            source,record_id,person_id
            justice,OFF90000001,P1
            welfare,C900000001,P1
            justice,OFF90000002,P2
            welfare,C900000002,P2
            justice,OFF90000003,P3
            welfare,C900000003,P9
            justice,OFF90000004,P4
            welfare,C900000004,P4
            justice,OFF90000005,P5
            justice,OFF90000006,P5
            """, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Contains("run r1 of project reoffending-benefits", result.Output, StringComparison.Ordinal);
        Assert.Contains("cross-source: precision 0.6667, recall 0.6667, F1 0.6667 (true pairs 3, linked pairs 3, correct 2)", result.Output, StringComparison.Ordinal);
        Assert.Contains("within-source: precision 1.0000, recall 1.0000, F1 1.0000 (true pairs 1, linked pairs 1, correct 1)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("C9000", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairs_JudgesOnlyThePairsLabelled()
    {
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links);
        var labels = folder.Combine("labels.csv");
        await File.WriteAllTextAsync(labels, """
            source_a,record_id_a,source_b,record_id_b,is_match
            justice,OFF90000001,welfare,C900000001,1
            justice,OFF90000003,welfare,C900000003,0
            justice,OFF90000004,welfare,C900000004,1
            justice,OFF90000005,justice,OFF90000006,true
            """, TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--run", "r1", "--truth", labels, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Contains("cross-source: precision 0.5000, recall 0.5000, F1 0.5000 (true pairs 2, linked pairs 2, correct 1)", result.Output, StringComparison.Ordinal);
        Assert.Contains("within-source: precision 1.0000, recall 1.0000, F1 1.0000 (true pairs 1, linked pairs 1, correct 1)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairs_CountTheRunsRecordsNoPairNamesAsOutsideTheTruth()
    {
        // The labels name 4 of the run's 10 records; the line said none of the run's records was outside the truth.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "labels.csv", "source_a,record_id_a,source_b,record_id_b,is_match\njustice,OFF90000001,welfare,C900000001,1\njustice,OFF90000003,welfare,C900000003,0\n");

        result.AssertExitCode(0);
        Assert.Contains("records evaluated: 4; in the run but not the truth: 6; in the truth but not the run: 0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairListedTwiceEitherWayRound_CountsItOnce()
    {
        // Two reviewers' files joined: the pair labelled twice was counted twice, the run's one right link as two.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "labels.csv", """
            source_a,record_id_a,source_b,record_id_b,is_match
            justice,OFF90000001,welfare,C900000001,1
            justice,OFF90000003,welfare,C900000003,0
            welfare,C900000001,justice,OFF90000001,1
            justice,OFF90000001,welfare,C900000001,yes
            """);

        result.AssertExitCode(0);
        Assert.Contains("cross-source: precision 0.5000, recall 1.0000, F1 0.6667 (true pairs 1, linked pairs 2, correct 1)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairGivenBothLabels_ExitsOneNamingBothLinesNotTheRecords()
    {
        // Counted once as a match and once not, the pair was both a correct link and a false one.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "labels.csv", """
            source_a,record_id_a,source_b,record_id_b,is_match
            justice,OFF90000001,welfare,C900000001,1
            justice,OFF90000003,welfare,C900000003,0
            welfare,C900000003,justice,OFF90000003,1
            """);

        result.AssertExitCode(1);
        Assert.Contains("truth file: labels.csv: line 4: the pair of line 3 again, with another is_match", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("C9000", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_RunThatFailed_ExitsTwoSayingItHasNoLinks()
    {
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links, complete: false);
        var truth = folder.Combine("truth.csv");
        await File.WriteAllTextAsync(truth, "source,record_id,person_id\n", TestContext.Current.CancellationToken);

        var named = await Support.Cli.RunAsync("evaluate", "--project", Project, "--run", "r1", "--truth", truth, "--config", folder.ConfigDirectory);
        var latest = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);

        named.AssertExitCode(2);
        Assert.Contains("Run r1 of project reoffending-benefits did not complete (failed)", named.Error, StringComparison.Ordinal);
        latest.AssertExitCode(2);
        Assert.Contains("Project reoffending-benefits has no completed run to evaluate.", latest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileInNeitherForm_ExitsOneNamingTheLineNotTheValue()
    {
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\njustice,OFF90000001\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: truth.csv: line 2: 2 fields where this form of truth file has 3", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileWithAQuoteLeftOpen_ExitsOneNamingTheLineNotTheValue()
    {
        // Read as links.csv is, by the one reader of the service's own CSV files: a quote never closed is an error, not
        // the rest of the file taken as one value.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\njustice,OFF90000001,P1\njustice,\"OFF90000002,P2\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: truth.csv: line 3 has a quoted field that is never closed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Evaluate_TruthFileIsAPipe_ExitsTwoWithoutWaitingForAWriter()
    {
        // Opening a FIFO to read waits for a writer; the command asked to read one waited for ever, deaf to SIGTERM.
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links);
        var pipe = folder.Combine("truth.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", pipe, "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("is not a regular file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileWithAHeaderOnly_ExitsOneRatherThanReportingPerfectScores()
    {
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: truth.csv has a header and no rows", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("1.0000", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileIsAFolder_ExitsTwoSayingSo()
    {
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links);
        var truth = Directory.CreateDirectory(folder.Combine("truth")).FullName;

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("is a folder, not a file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileIsALinkToNothing_ExitsTwoSayingItIsALinkNotAPipe()
    {
        // A link whose target was moved away exists as a link, and the command said it was a pipe or a device.
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links);
        var truth = folder.Combine("truth.csv");
        File.CreateSymbolicLink(truth, folder.Combine("moved-away.csv"));

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains($"The truth file {truth} is a symbolic link to {folder.Combine("moved-away.csv")}, which is not a regular file (nothing is there, or a pipe or a device).", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SiteMovedSinceTheRun_ReadsTheRunWhereTheSiteKeepsItNow()
    {
        using var folder = new ServiceFolder();
        // The ledger recorded the run's folder where the site was then: restored from backup onto another disk, it is not there.
        await RecordRunAsync(folder, "r1", Links, recordedFolder: "/srv/old-disk/linkservice/var/runs/reoffending-benefits/r1");
        var truth = folder.Combine("truth.csv");
        await File.WriteAllTextAsync(truth, "source,record_id,person_id\njustice,OFF90000001,P1\nwelfare,C900000001,P1\n", TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);

        result.AssertExitCode(0);
        Assert.Contains("run r1 of project reoffending-benefits", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileNamingNoRecordOfTheRun_ExitsOneRatherThanReportingPerfectScores()
    {
        // A truth file for another extract, or with the sources named otherwise ('Justice'), matched nothing, and the
        // command printed precision, recall and F1 1.0000 over no pairs at all.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\nJustice,OFF90000001,P1\nWelfare,C900000001,P1\n");

        result.AssertExitCode(1);
        Assert.Contains("none of the 2 records truth.csv names is in the run (its sources: justice, welfare)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("1.0000", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_NoTruePairAndNoLinkOfAKind_SaysSoRatherThanPerfectScores()
    {
        // A truth file of the justice records alone has no cross-source pair: 1.0000 there read as a perfect linkage.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\njustice,OFF90000005,P5\njustice,OFF90000006,P5\n");

        result.AssertExitCode(0);
        Assert.Contains("cross-source: no pairs to score (no true pair, none linked)", result.Output, StringComparison.Ordinal);
        Assert.Contains("within-source: precision 1.0000, recall 1.0000, F1 1.0000 (true pairs 1, linked pairs 1, correct 1)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TruthFileGivingARecordTwoPeople_ExitsOneNamingBothLinesNotTheRecord()
    {
        // The later line silently won: truth files joined from two sources of truth skewed every figure.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "truth.csv", "source,record_id,person_id\njustice,OFF90000001,P1\nwelfare,C900000001,P1\njustice,OFF90000001,P1\njustice,OFF90000001,P7\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: truth.csv: line 5: the record of line 2 again, with another person_id", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("P7", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairOfARecordWithItself_ExitsOneNamingTheLine()
    {
        // A record paired with itself is always "linked": counted, it made precision and recall look better.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "labels.csv", "source_a,record_id_a,source_b,record_id_b,is_match\njustice,OFF90000001,welfare,C900000001,1\njustice,OFF90000005,justice,OFF90000005,1\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: labels.csv: line 3: a record paired with itself", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OFF9", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LabelledPairsWhoseLabelColumnIsNamedOtherwise_ExitsOneRatherThanCountingEveryPairAMatch()
    {
        // With the labels under 'match', the fifth column was ignored and every pair, the non-matches too, was taken
        // for a true pair.
        using var folder = new ServiceFolder();
        var result = await EvaluateAsync(folder, "labels.csv", "source_a,record_id_a,source_b,record_id_b,match\njustice,OFF90000001,welfare,C900000001,1\njustice,OFF90000003,welfare,C900000003,0\n");

        result.AssertExitCode(1);
        Assert.Contains("truth file: labels.csv: line 1: the column after record_id_b is is_match (1 or 0) or none", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_RunStillLinking_SaysItIsStillRunningNotThatItDidNotComplete()
    {
        using var folder = new ServiceFolder();
        await RecordRunAsync(folder, "r1", Links, complete: null);
        var truth = folder.Combine("truth.csv");
        await File.WriteAllTextAsync(truth, "source,record_id,person_id\njustice,OFF90000001,P1\n", TestContext.Current.CancellationToken);

        var result = await Support.Cli.RunAsync("evaluate", "--project", Project, "--run", "r1", "--truth", truth, "--config", folder.ConfigDirectory);

        result.AssertExitCode(2);
        Assert.Contains("Run r1 of project reoffending-benefits is still linking: it has no links to evaluate yet.", result.Error, StringComparison.Ordinal);
    }

    /// <param name="complete">True: linked; false: failed while linking; null: still linking.</param>
    /// <summary>Records run r1 of <see cref="Links"/>, writes <paramref name="text"/> as the truth file, and evaluates the latest run against it.</summary>
    private static async Task<CliResult> EvaluateAsync(ServiceFolder folder, string fileName, string text)
    {
        await RecordRunAsync(folder, "r1", Links);
        var truth = folder.Combine(fileName);
        await File.WriteAllTextAsync(truth, text, TestContext.Current.CancellationToken);
        return await Support.Cli.RunAsync("evaluate", "--project", Project, "--truth", truth, "--config", folder.ConfigDirectory);
    }

    private static async Task RecordRunAsync(ServiceFolder folder, string runId, string links, bool? complete = true, string? recordedFolder = null)
    {
        var runFolder = folder.Paths.RunFolder(Project, runId);
        Directory.CreateDirectory(runFolder);
        await File.WriteAllTextAsync(Path.Combine(runFolder, "links.csv"), links + "\n", TestContext.Current.CancellationToken);
        using var opened = new OpenedLedger(folder);
        await opened.Ledger.StartRunAsync(new RunStart(runId, Project, recordedFolder ?? runFolder, [], Owners.Service), CancellationToken.None);
        if (complete is true)
        {
            await opened.Ledger.CompleteRunAsync(runId, new Dictionary<string, long>(), CancellationToken.None);
        }
        else if (complete is false)
        {
            await opened.Ledger.FailRunAsync(runId, "stopped", CancellationToken.None);
        }
    }
}

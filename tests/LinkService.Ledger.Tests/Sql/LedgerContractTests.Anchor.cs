using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Tests.Support;

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task VerifyAuditChainAsync_TailCut_ReportsTheRowsCutFromItsEnd()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.StoredDeliveryAsync("justice", new string('b', 64));
        TamperBehindTriggers("DELETE FROM audit WHERE seq > 2;");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.False(verification.IsIntact);
        Assert.Equal("the ledger ends at row #2 but its anchor file records row #4 (rows were cut from its end)", verification.Problem);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_AnchorFileDeleted_ReportsIt()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        File.Delete(_fixture.AnchorFile);

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Contains("its anchor file records none", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAuditChainAsync_AnchorBehindByACrashBetweenCommitAndAnchor_IsIntact()
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        var lines = await File.ReadAllLinesAsync(_fixture.AnchorFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_fixture.AnchorFile, lines[0] + "\n" + lines[1][..10], TestContext.Current.CancellationToken);

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Theory]
    [InlineData("original_name = 'offenders_1.csv.gz'", "original name")]
    [InlineData("source = 'welfare'", "source")]
    [InlineData("bytes = 11", "size")]
    [InlineData("received_at = '2099-01-01T00:00:00.0000000Z'", "time received")]
    [InlineData("quarantine_path = '/etc/passwd'", "quarantine path")]
    [InlineData("settled_at = NULL", "settled mark")]
    public async Task VerifyAuditChainAsync_DeliveryColumnEditedInItsTable_NamesTheColumn(string edit, string label)
    {
        var delivery = await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.RecordOutcomeAsync(delivery.Id, new DeliveryOutcome { State = DeliveryState.Rejected, QuarantinePath = "/quarantine/x.csv" }, CancellationToken.None);
        await _fixture.Ledger.MarkSettledAsync(delivery.Id, CancellationToken.None);
        Tamper($"UPDATE deliveries SET {edit} WHERE id = '{delivery.Id}';");

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal($"delivery {delivery.Id}: its {label} is not the one the audit chain recorded", verification.Problem);
    }

    [Theory]
    [InlineData("UPDATE runs SET run_folder = '/etc' WHERE id = 'r1';", "run folder")]
    [InlineData("INSERT INTO run_inputs (run_id, delivery_id) VALUES ('r1', (SELECT id FROM deliveries LIMIT 1));", "input deliveries")]
    public async Task VerifyAuditChainAsync_RunEditedInItsTable_NamesTheColumn(string edit, string label)
    {
        await _fixture.StoredDeliveryAsync("justice", new string('a', 64));
        await _fixture.Ledger.StartRunAsync(new RunStart("r1", "p", "/runs/r1", [], Owners.Other), CancellationToken.None);
        Tamper(edit);

        var verification = await _fixture.Ledger.VerifyAuditChainAsync(CancellationToken.None);

        Assert.Equal($"run r1: its {label} is not the one the audit chain recorded", verification.Problem);
    }
}

namespace LinkService.Ledger.Tests.Sql;

public abstract partial class LedgerContractTests
{
    [Fact]
    public async Task TryClaimDropFileAsync_HeldThroughAnotherLedgerOnTheDatabase_IsRefusedUntilReleased()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var other = _fixture.Open();
        var held = await other.TryClaimDropFileAsync("justice", "offenders_1.csv", cancellationToken);

        var refused = await _fixture.Ledger.TryClaimDropFileAsync("justice", "offenders_1.csv", cancellationToken);
        await using var otherFile = await _fixture.Ledger.TryClaimDropFileAsync("justice", "offenders_2.csv", cancellationToken);
        await using var otherSource = await _fixture.Ledger.TryClaimDropFileAsync("welfare", "offenders_1.csv", cancellationToken);
        await held!.DisposeAsync();
        await using var after = await _fixture.Ledger.TryClaimDropFileAsync("justice", "offenders_1.csv", cancellationToken);

        Assert.Null(refused);
        Assert.NotNull(otherFile);
        Assert.NotNull(otherSource);
        Assert.NotNull(after);
    }
}

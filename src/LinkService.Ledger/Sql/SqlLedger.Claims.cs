namespace LinkService.Ledger.Sql;

internal sealed partial class SqlLedger
{
    public Task<IAsyncDisposable?> TryClaimDropFileAsync(string source, string name, CancellationToken cancellationToken) =>
        _database.TryClaimAsync($"drop-file\n{source}\n{name}", cancellationToken);
}

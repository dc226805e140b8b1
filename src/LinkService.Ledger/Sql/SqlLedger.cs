using System.Data.Common;
using System.Text.Json;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Runs;
using Microsoft.Extensions.Logging;
using static LinkService.Ledger.Sql.DbCommands;

namespace LinkService.Ledger.Sql;

/// <summary>
/// The ledger in a SQL database (<see cref="LedgerDatabase"/>: SQLite in a single-server install, PostgreSQL for a
/// cluster). One pooled connection per operation. Writes are serialised in this process, and across processes and
/// nodes by the database's writer lock, each in one transaction with its audit row, the new head anchored before the
/// next writer may start: the chain grows one row at a time whoever writes it.
/// </summary>
internal sealed partial class SqlLedger : ILedger, IDisposable
{
    private readonly LedgerDatabase _database;
    private readonly AuditAnchorFile _anchor;
    private readonly Lazy<AuditKey> _key;
    private readonly TimeProvider _timeProvider;
    private readonly LeaseTerms _leaseTerms;
    private readonly ILogger<SqlLedger> _logger;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>The head written by the current write, anchored once it commits; writes are serialised by <see cref="_writer"/>.</summary>
    private AnchoredHead? _written;

    /// <param name="key">Asked for at the first row to write or check; a failure is not remembered, so a key created later is used.</param>
    public SqlLedger(LedgerDatabase database, AuditAnchorFile anchor, Func<AuditKey> key, TimeProvider timeProvider, LeaseTerms leaseTerms, ILogger<SqlLedger> logger)
    {
        _database = database;
        _anchor = anchor;
        _key = new Lazy<AuditKey>(key, LazyThreadSafetyMode.PublicationOnly);
        _timeProvider = timeProvider;
        _leaseTerms = leaseTerms;
        _logger = logger;
    }

    public void Dispose()
    {
        _database.Dispose();
        _writer.Dispose();
        _migration.Dispose();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _database.NewConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await MigrateOnceAsync(connection, cancellationToken);
            await _database.PrepareAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            // A failed or cancelled open (a migration error, a stop) must not leave the connection open.
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateOnceAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                var before = await _database.MigrateAsync(connection, cancellationToken);
                if (before != _database.LatestVersion)
                {
                    Log.SchemaMigrated(_logger, before, _database.LatestVersion);
                }

                _migrated = true;
            }
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, string, T> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var writers = await _database.LockWritersAsync(connection, cancellationToken);
            T result;
            using (var transaction = _database.BeginWrite(connection))
            {
                _written = null;
                result = work(connection, transaction, LedgerRows.FormatTime(_timeProvider.GetUtcNow()));
                transaction.Commit();
            }

            if (_written is { } head)
            {
                Anchor(head);
            }

            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, T> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return work(connection);
    }

    /// <summary>Appends one audit row chained to the last; call inside the write's transaction.</summary>
    private void AppendAudit(DbConnection connection, DbTransaction transaction, string at, string entity, string entityId, string action, object detail)
    {
        long sequence = 1;
        var previousMac = AuditChain.Genesis;
        using (var last = Command(connection, transaction, "SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1;"))
        using (var reader = last.ExecuteReader())
        {
            if (reader.Read())
            {
                sequence = reader.GetInt64(0) + 1;
                previousMac = reader.GetString(1);
            }
        }

        var detailJson = JsonSerializer.Serialize(detail);
        var mac = AuditChain.MacOf(_key.Value, sequence, at, entity, entityId, action, detailJson, previousMac);
        using var insert = Command(
            connection,
            transaction,
            "INSERT INTO audit (seq, at, entity, entity_id, action, detail, prev_mac, mac) VALUES (@seq, @at, @entity, @id, @action, @detail, @prev, @mac);");
        insert.Add("@seq", sequence);
        insert.Add("@at", at);
        insert.Add("@entity", entity);
        insert.Add("@id", entityId);
        insert.Add("@action", action);
        insert.Add("@detail", detailJson);
        insert.Add("@prev", previousMac);
        insert.Add("@mac", mac);
        insert.ExecuteNonQuery();
        _written = new AnchoredHead(sequence, mac);
    }

    /// <summary>
    /// Records a committed head outside the database. The change is committed already, so a failure here is
    /// logged, not thrown: the anchor stays behind the chain, which is allowed, until the next write.
    /// </summary>
    private void Anchor(AnchoredHead head)
    {
        try
        {
            _anchor.Append(head.Sequence, head.Mac);
            Log.AuditHeadAnchored(_logger, head.Sequence, head.Mac);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.AnchorNotWritten(_logger, ex, head.Sequence);
        }
    }
}

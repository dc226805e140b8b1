using System.Text.Json;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Runs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LinkService.Ledger.Sqlite;

/// <summary>
/// The ledger in one SQLite file (WAL). One pooled connection per operation; writes are serialised in
/// this process and run in <c>BEGIN IMMEDIATE</c> transactions, so a second process (the CLI while the
/// service runs) waits its turn rather than interleaving with the audit chain.
/// </summary>
internal sealed partial class SqliteLedger : ILedger, IDisposable
{
    private readonly string _connectionString;
    private readonly AuditAnchorFile _anchor;
    private readonly Lazy<AuditKey> _key;
    private readonly TimeProvider _timeProvider;
    private readonly LeaseTerms _leaseTerms;
    private readonly ILogger<SqliteLedger> _logger;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>The head written by the current write, anchored once it commits; writes are serialised by <see cref="_writer"/>.</summary>
    private AnchoredHead? _written;

    /// <param name="key">Asked for at the first row to write or check; a failure is not remembered, so a key created later is used.</param>
    public SqliteLedger(string databaseFile, AuditAnchorFile anchor, Func<AuditKey> key, TimeProvider timeProvider, LeaseTerms leaseTerms, ILogger<SqliteLedger> logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _anchor = anchor;
        _key = new Lazy<AuditKey>(key, LazyThreadSafetyMode.PublicationOnly);
        _timeProvider = timeProvider;
        _leaseTerms = leaseTerms;
        _logger = logger;
    }

    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writer.Dispose();
        _migration.Dispose();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await MigrateOnceAsync(connection, cancellationToken);
            using var pragmas = connection.CreateCommand();

            // FULL: a committed state change survives a power cut, not only a process kill.
            pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            // A failed or cancelled open (a migration error, a stop) must not leave the connection open.
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task MigrateOnceAsync(SqliteConnection connection, CancellationToken cancellationToken)
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
                var before = SqliteSchema.Migrate(connection);
                if (before != SqliteSchema.LatestVersion)
                {
                    Log.SchemaMigrated(_logger, before, SqliteSchema.LatestVersion);
                }

                _migrated = true;
            }
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, string, T> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            _written = null;
            var result = work(connection, transaction, SqliteRows.FormatTime(_timeProvider.GetUtcNow()));
            transaction.Commit();
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

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return work(connection);
    }

    /// <summary>Appends one audit row chained to the last; call inside the write's transaction.</summary>
    private void AppendAudit(SqliteConnection connection, SqliteTransaction transaction, string at, string entity, string entityId, string action, object detail)
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
            "INSERT INTO audit (seq, at, entity, entity_id, action, detail, prev_mac, mac) VALUES ($seq, $at, $entity, $id, $action, $detail, $prev, $mac);");
        insert.Parameters.AddWithValue("$seq", sequence);
        insert.Parameters.AddWithValue("$at", at);
        insert.Parameters.AddWithValue("$entity", entity);
        insert.Parameters.AddWithValue("$id", entityId);
        insert.Parameters.AddWithValue("$action", action);
        insert.Parameters.AddWithValue("$detail", detailJson);
        insert.Parameters.AddWithValue("$prev", previousMac);
        insert.Parameters.AddWithValue("$mac", mac);
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

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

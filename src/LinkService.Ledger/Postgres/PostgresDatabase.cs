using System.Data;
using System.Data.Common;
using LinkService.Ledger.Sql;
using Npgsql;

namespace LinkService.Ledger.Postgres;

/// <summary>
/// The ledger in a PostgreSQL database shared by the nodes of a cluster. Every write holds a session advisory lock
/// from before its transaction until its audit head is anchored, so nodes append to the chain, and to the anchor
/// file on shared storage, one at a time.
/// </summary>
internal sealed class PostgresDatabase : LedgerDatabase
{
    /// <summary>The writers' lock, one key for every node using the database.</summary>
    private const long WritersLock = 0x4C53_4C47_0000_0001;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(NpgsqlConnectionStringBuilder builder)
    {
        Description = Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Description { get; }

    public override int LatestVersion => PostgresSchema.LatestVersion;

    /// <summary>Host, port, database and user: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) => $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";

    public override DbConnection NewConnection() => _dataSource.CreateConnection();

    public override Task<int> MigrateAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresSchema.MigrateAsync((NpgsqlConnection)connection, cancellationToken);

    public override async Task<IAsyncDisposable> LockWritersAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await AdvisoryAsync((NpgsqlConnection)connection, "SELECT pg_advisory_lock(@key);", cancellationToken);
        return new WritersLockHandle((NpgsqlConnection)connection);
    }

    public override DbTransaction BeginWrite(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.RepeatableRead);

    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override Task<IAsyncDisposable?> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        AdvisoryClaims.TryClaimAsync(_dataSource, key, cancellationToken);

    public override void Dispose() => _dataSource.Dispose();

    private static async Task AdvisoryAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", WritersLock);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Releases the writers' lock; a connection that broke meanwhile released it with its session.</summary>
    private sealed class WritersLockHandle(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await AdvisoryAsync(connection, "SELECT pg_advisory_unlock(@key);", CancellationToken.None);
            }
        }
    }
}

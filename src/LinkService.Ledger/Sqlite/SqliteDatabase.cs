using System.Data.Common;
using LinkService.Ledger.Sql;
using Microsoft.Data.Sqlite;

namespace LinkService.Ledger.Sqlite;

/// <summary>
/// The ledger in one SQLite file (WAL), for a single server. Writes run in <c>BEGIN IMMEDIATE</c> transactions, so a
/// second process (the CLI while the service runs) waits its turn rather than interleaving with the audit chain.
/// </summary>
internal sealed class SqliteDatabase : LedgerDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string databaseFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        Description = databaseFile;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Description { get; }

    public override int LatestVersion => SqliteSchema.LatestVersion;

    public override DbConnection NewConnection() => new SqliteConnection(_connectionString);

    public override Task<int> MigrateAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteSchema.Migrate((SqliteConnection)connection));

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var pragmas = connection.CreateCommand();

        // FULL: a committed state change survives a power cut, not only a process kill.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
    }

    // BEGIN IMMEDIATE takes the file's write lock; the anchor line after the commit is this host's alone to write.
    public override Task<IAsyncDisposable> LockWritersAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    // SQLITE_CONSTRAINT_UNIQUE.
    public override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteExtendedErrorCode: 2067 };

    public override Task<IAsyncDisposable?> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(ProcessClaims.TryClaim(Path.GetFullPath(Description), key));

    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

using System.Data.Common;

namespace LinkService.Ledger.Sql;

/// <summary>
/// What differs between the databases a ledger lives in: connecting, the schema's migrations, how writers across
/// processes and nodes take turns, and how a unique index's refusal looks. The SQL and the rules are
/// <see cref="SqlLedger"/>'s, the same for every database.
/// </summary>
internal abstract class LedgerDatabase : IDisposable
{
    /// <summary>Names the database in logs and errors without its secrets (no password).</summary>
    public abstract string Description { get; }

    public abstract int LatestVersion { get; }

    /// <summary>A new, unopened connection.</summary>
    public abstract DbConnection NewConnection();

    /// <summary>Applies the migrations the database has not seen yet, safely against another process doing the same; returns the version it had.</summary>
    public abstract Task<int> MigrateAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Settings every opened connection needs.</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Keeps every other writer, in any process on any node, waiting until the returned handle is disposed: the write's
    /// transaction and the anchor line for its new audit head happen inside, so the chain grows one row at a time.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockWritersAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A transaction for one write, under <see cref="LockWritersAsync"/>.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read-only transaction that sees one committed state throughout (the audit check reads rows and tables in it).</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Takes <paramref name="key"/> for this process until the returned handle is disposed or the process dies, unless
    /// another process (or another claim in this one) holds it: then null.
    /// </summary>
    public abstract Task<IAsyncDisposable?> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public abstract void Dispose();

    /// <summary>A handle that holds nothing, where the database's own write lock is enough.</summary>
    protected sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

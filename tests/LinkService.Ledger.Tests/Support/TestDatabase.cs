using System.Data.Common;
using LinkService.Ledger.Postgres;
using LinkService.Ledger.Sql;
using LinkService.Ledger.Sqlite;
using Npgsql;

namespace LinkService.Ledger.Tests.Support;

/// <summary>The database a test's ledger lives in, and how a test reaches into it behind the ledger's back.</summary>
public abstract class TestDatabase
{
    /// <summary>SQL that takes the audit table's append-only guards away, for a test to run before its tampering.</summary>
    public abstract string WithoutAuditGuards { get; }

    internal abstract LedgerDatabase Create();

    public bool IsUniqueViolation(DbException exception)
    {
        using var database = Create();
        return database.IsUniqueViolation(exception);
    }

    public void Execute(string sql)
    {
        using var database = Create();
        using var connection = database.NewConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

internal sealed class SqliteTestDatabase(string file) : TestDatabase
{
    public string File => file;

    public override string WithoutAuditGuards => "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; ";

    internal override LedgerDatabase Create() => new SqliteDatabase(file);
}

internal sealed class PostgresTestDatabase(string connectionString) : TestDatabase
{
    public string ConnectionString => connectionString;

    public override string WithoutAuditGuards => "ALTER TABLE audit DISABLE TRIGGER USER; ";

    internal override LedgerDatabase Create() => new PostgresDatabase(new NpgsqlConnectionStringBuilder(connectionString));
}

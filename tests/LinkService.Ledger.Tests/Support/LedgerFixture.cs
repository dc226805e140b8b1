using System.Security.Cryptography;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Sql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Ledger.Tests.Support;

/// <summary>
/// A real ledger in a real database (<see cref="TestDatabase"/>: a SQLite file or a PostgreSQL database of its own), on a
/// fake clock, its chain keyed with a random key and anchored in a temp directory.
/// </summary>
public sealed class LedgerFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqlLedger> _opened = [];

    private LedgerFixture(Func<string, TestDatabase> database)
    {
        Database = database(_directory.Path);
        Ledger = Open();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The leases the ledger grants: the service's defaults, a minute renewed every 15 seconds.</summary>
    public LeaseTerms Terms { get; } = LeaseTerms.Default;

    public TestDatabase Database { get; }

    internal SqlLedger Ledger { get; }

    public string AnchorFile => Path.Combine(_directory.Path, "work", "ledger.anchor");

    internal AuditKey Key { get; } = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>A ledger in a SQLite file in the temp directory.</summary>
    public static LedgerFixture Sqlite() => new(directory => new SqliteTestDatabase(Path.Combine(directory, "work", "ledger.db")));

    /// <summary>A ledger in a new database of <paramref name="server"/>.</summary>
    public static async Task<LedgerFixture> PostgresAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        var connectionString = await server.CreateDatabaseAsync(cancellationToken);
        return new LedgerFixture(_ => new PostgresTestDatabase(connectionString));
    }

    /// <summary>Another ledger on the same database and anchor, as after a restart or on another node.</summary>
    internal SqlLedger Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AnchorFile)!);
        var ledger = new SqlLedger(Database.Create(), new AuditAnchorFile(AnchorFile), () => Key, Time, Terms, NullLogger<SqlLedger>.Instance);
        _opened.Add(ledger);
        return ledger;
    }

    /// <summary>Runs SQL on the database behind the ledger's back.</summary>
    public void Execute(string sql) => Database.Execute(sql);

    /// <summary>A delivery recorded as received and then stored, under the running test's token.</summary>
    public async Task<Delivery> StoredDeliveryAsync(string source, string sha256)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var received = await Ledger.RecordReceivedAsync(new NewDelivery(source, "offenders_1.csv", 10, Time.GetUtcNow()), cancellationToken);
        Time.Advance(TimeSpan.FromSeconds(1));
        return await Ledger.MarkStoredAsync(received.Id, new StoredFile(sha256, 10), cancellationToken);
    }

    public void Dispose()
    {
        _opened.ForEach(l => l.Dispose());
        _directory.Dispose();
    }
}

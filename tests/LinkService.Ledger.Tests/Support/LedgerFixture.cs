using System.Security.Cryptography;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Ledger.Tests.Support;

/// <summary>A real SQLite ledger in a temp directory, on a fake clock, its chain keyed with a random key and anchored beside it.</summary>
public sealed class LedgerFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteLedger> _opened = [];

    public LedgerFixture()
    {
        Ledger = Open();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The leases the ledger grants: the service's defaults, a minute renewed every 15 seconds.</summary>
    public LeaseTerms Terms { get; } = LeaseTerms.Default;

    internal SqliteLedger Ledger { get; }

    public string DatabaseFile => Path.Combine(_directory.Path, "work", "ledger.db");

    public string AnchorFile => Path.Combine(_directory.Path, "work", "ledger.anchor");

    internal AuditKey Key { get; } = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Another ledger on the same file, as after a restart.</summary>
    internal SqliteLedger Open()
    {
        var ledger = new SqliteLedger(DatabaseFile, new AuditAnchorFile(AnchorFile), () => Key, Time, Terms, NullLogger<SqliteLedger>.Instance);
        _opened.Add(ledger);
        return ledger;
    }

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

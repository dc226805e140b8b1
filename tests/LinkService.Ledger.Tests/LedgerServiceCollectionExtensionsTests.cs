using LinkService.Configuration.Folders;
using LinkService.Configuration.Keys;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LinkService.Ledger.Tests;

/// <summary>AddLedger puts the ledger where <c>LinkService:Ledger</c> says, as the host composes it.</summary>
public sealed class LedgerServiceCollectionExtensionsTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CollectingLoggerProvider _logs = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddLedger_NoLedgerSection_KeepsItInTheWorkFoldersSqliteFile()
    {
        await using var services = Services([]);

        await RecordAsync(services);

        Assert.True(File.Exists(services.GetRequiredService<ServicePaths>().LedgerFile));
    }

    [Fact]
    public async Task AddLedger_Postgresql_KeepsItInThatDatabaseWithThePasswordFromItsFileAndNeverLogsIt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync(cancellationToken)) { Password = null };
        await using var services = Services(new()
        {
            ["LinkService:Ledger:Provider"] = "postgresql",
            ["LinkService:Ledger:ConnectionString"] = connectionString.ConnectionString,
            ["LinkService:Ledger:PasswordFile"] = _directory.Write("ledger.password", server.Password + "\n"),
        });

        var id = await RecordAsync(services);

        var database = new PostgresTestDatabase(server.ConnectionString(connectionString.Database!));
        database.Execute($"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM deliveries WHERE id = '{id}') THEN RAISE EXCEPTION 'not here'; END IF; END $$;");
        Assert.False(File.Exists(services.GetRequiredService<ServicePaths>().LedgerFile));
        Assert.Contains(_logs.Lines, l => l.Contains($"Ledger in postgresql://{PostgresServer.User}@127.0.0.1:{server.Port}/{connectionString.Database}", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(server.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddLedger_PostgresqlWithoutConnectionString_FailsAtStartNamingTheKey()
    {
        await using var services = Services(new() { ["LinkService:Ledger:Provider"] = "postgresql" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LedgerOptions>>().Value);

        Assert.StartsWith("ConnectionString: is required", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var paths = new ServicePaths(new FolderOptions(), _directory.Path);
        Directory.CreateDirectory(paths.KeysFolder);
        MasterKeyFile.TryCreate(paths.MasterKeyFile);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddSingleton(TimeProvider.System)
            .AddSingleton(paths)
            .AddLedger(configuration)
            .BuildServiceProvider();
    }

    private static async Task<string> RecordAsync(ServiceProvider services)
    {
        var ledger = services.GetRequiredService<ILedger>();
        var delivery = await ledger.RecordReceivedAsync(new NewDelivery("justice", "offenders_1.csv", 10, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);
        return delivery.Id;
    }
}

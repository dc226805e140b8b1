using LinkService.Configuration.Keys;
using LinkService.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Tests.Support;

/// <summary>The ledger of a test's service folder, opened as the service opens it (the default folder layout), with a master key made if there is none.</summary>
internal sealed class OpenedLedger : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="postgres">The connection string of a PostgreSQL ledger (cluster mode); the folder's SQLite file when null.</param>
    public OpenedLedger(ServiceFolder folder, TimeProvider? time = null, string? postgres = null)
    {
        var paths = folder.Paths;
        Directory.CreateDirectory(paths.KeysFolder);
        MasterKeyFile.TryCreate(paths.MasterKeyFile);
        File = paths.LedgerFile;
        _services = new ServiceCollection()
            .Configure<LedgerOptions>(options =>
            {
                if (postgres is not null)
                {
                    (options.Provider, options.ConnectionString) = (LedgerProvider.PostgreSql, postgres);
                }
            })
            .AddLogging()
            .AddSingleton(time ?? TimeProvider.System)
            .AddSingleton(paths)
            .AddLedger()
            .BuildServiceProvider();
    }

    public ILedger Ledger => _services.GetRequiredService<ILedger>();

    /// <summary>The SQLite database file.</summary>
    public string File { get; }

    public void Dispose() => _services.Dispose();
}

using LinkService.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Tests.Support;

/// <summary>The ledger of a test's service folder, opened as the service opens it (the default folder layout).</summary>
internal sealed class OpenedLedger : IDisposable
{
    private readonly ServiceProvider _services;

    public OpenedLedger(ServiceFolder folder, TimeProvider? time = null)
    {
        var paths = folder.Paths;
        Directory.CreateDirectory(paths.WorkRoot);
        File = paths.LedgerFile;
        _services = new ServiceCollection()
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

using LinkService.Configuration.Folders;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LinkService.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILedger"/> as the SQLite ledger at <see cref="ServicePaths.LedgerFile"/>, its chain keyed from the
    /// master key at <see cref="ServicePaths.MasterKeyFile"/> and anchored in <see cref="ServicePaths.AuditAnchorFile"/>;
    /// needs ServicePaths and TimeProvider in DI; run leases on <see cref="LeaseTerms.Default"/> unless LeaseTerms is registered.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.TryAddSingleton(LeaseTerms.Default);
        services.TryAddSingleton<ILedger>(provider => new SqliteLedger(
            provider.GetRequiredService<ServicePaths>().LedgerFile,
            new AuditAnchorFile(provider.GetRequiredService<ServicePaths>().AuditAnchorFile),
            () => AuditKey.FromMasterKeyFile(provider.GetRequiredService<ServicePaths>().MasterKeyFile),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<LeaseTerms>(),
            provider.GetRequiredService<ILogger<SqliteLedger>>()));
        return services;
    }
}

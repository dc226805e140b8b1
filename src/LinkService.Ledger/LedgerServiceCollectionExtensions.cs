using LinkService.Configuration.Folders;
using LinkService.Ledger.Audit;
using LinkService.Ledger.Postgres;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Sql;
using LinkService.Ledger.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Ledger;

public static class LedgerServiceCollectionExtensions
{
    /// <summary>Binds <c>LinkService:Ledger</c> (<see cref="LedgerOptions"/>), checks it at start, and registers the ledger it names.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>());
        return services.AddLedger();
    }

    /// <summary>
    /// Registers <see cref="ILedger"/> in the database <see cref="LedgerOptions"/> names (SQLite at <see cref="ServicePaths.LedgerFile"/>
    /// unless configured otherwise), its chain keyed from the master key at <see cref="ServicePaths.MasterKeyFile"/> and anchored in
    /// <see cref="ServicePaths.AuditAnchorFile"/>; needs ServicePaths and TimeProvider in DI; run leases on
    /// <see cref="LeaseTerms.Default"/> unless LeaseTerms is registered.
    /// </summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>();
        services.TryAddSingleton(LeaseTerms.Default);
        services.TryAddSingleton<ILedger>(provider =>
        {
            var paths = provider.GetRequiredService<ServicePaths>();
            var database = Database(provider.GetRequiredService<IOptions<LedgerOptions>>().Value, paths);
            var logger = provider.GetRequiredService<ILogger<SqlLedger>>();
            Log.LedgerOpened(logger, database.Description);
            return new SqlLedger(
                database,
                new AuditAnchorFile(paths.AuditAnchorFile),
                () => AuditKey.FromMasterKeyFile(paths.MasterKeyFile),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<LeaseTerms>(),
                logger);
        });
        return services;
    }

    private static LedgerDatabase Database(LedgerOptions options, ServicePaths paths) => options.Provider switch
    {
        LedgerProvider.PostgreSql => new PostgresDatabase(PostgresConnectionString.Resolve(options)),
        _ => new SqliteDatabase(paths.LedgerFile),
    };
}

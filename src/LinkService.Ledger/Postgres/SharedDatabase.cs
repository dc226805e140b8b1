namespace LinkService.Ledger.Postgres;

/// <summary>The ledger's PostgreSQL database, for what shares it with the ledger in cluster mode (Quartz's clustered job store).</summary>
public static class SharedDatabase
{
    /// <summary>
    /// The connection string the ledger connects with, password included; null when the ledger is not on PostgreSQL, or
    /// its settings have problems (which the start-up check reports).
    /// </summary>
    public static string? ConnectionString(LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider == LedgerProvider.PostgreSql && !PostgresConnectionString.Problems(options).Any()
            ? PostgresConnectionString.Resolve(options).ConnectionString
            : null;
    }
}

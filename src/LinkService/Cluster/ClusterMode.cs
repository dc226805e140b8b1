using LinkService.Ledger;
using Microsoft.Extensions.Configuration;

namespace LinkService.Cluster;

/// <summary>
/// Whether this service is one node of several: the ledger on PostgreSQL (<see cref="LedgerOptions.Provider"/>), and with
/// it Quartz's clustered job store, per-node service locks, and runs recovered periodically. The default, SQLite, is a
/// single node.
/// </summary>
internal sealed record ClusterMode(bool Enabled, ClusterOptions Node)
{
    public static ClusterMode SingleNode { get; } = new(false, new ClusterOptions());

    public static ClusterMode From(IConfiguration configuration) =>
        new(
            Ledger(configuration).Provider == LedgerProvider.PostgreSql,
            configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>() ?? new ClusterOptions());

    public static LedgerOptions Ledger(IConfiguration configuration) =>
        configuration.GetSection(LedgerOptions.SectionName).Get<LedgerOptions>() ?? new LedgerOptions();
}

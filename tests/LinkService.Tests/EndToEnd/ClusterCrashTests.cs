using LinkService.Tests.Support.Crash;

namespace LinkService.Tests.EndToEnd;

/// <summary>
/// The crash test on two nodes in cluster mode (the ledger and Quartz's clustered store on one real PostgreSQL, the
/// folders shared): each kill falls on the node doing the work its sign names (either), or on the plan's node while a
/// file waits; the other node goes on meanwhile. Afterwards the same must hold as on one node.
/// </summary>
public sealed class ClusterCrashTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task TwoNodes_TwentyRandomKillsOfEither_EveryDeliveryInOneFinalStateEveryRunPublishedOnceAndTheChainVerifies()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // As the single-node crash test.
        }

        using var site = new CrashSite(await server.CreateDatabaseAsync(TestContext.Current.CancellationToken), nodes: 2);
        await CrashTests.KillAndCheckAsync(site);
    }
}

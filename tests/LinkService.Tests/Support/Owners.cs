using LinkService.Ledger.Runs;

namespace LinkService.Tests.Support;

/// <summary>Run owners: this test process (as the service), and a <c>link</c> command or node elsewhere sharing the ledger.</summary>
internal static class Owners
{
    public static RunOwner Service { get; } = new("node-a", 1111);

    public static RunOwner Other { get; } = new("node-b", 4242);
}

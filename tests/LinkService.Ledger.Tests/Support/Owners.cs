using LinkService.Ledger.Runs;

namespace LinkService.Ledger.Tests.Support;

/// <summary>Run owners for tests: this test process, and a process elsewhere that shares the ledger.</summary>
public static class Owners
{
    public static RunOwner This => RunOwner.Current;

    public static RunOwner Other { get; } = new("node-b", 4242);
}

using LinkService.Tests.Cluster;
using LinkService.Tests.EndToEnd;
using Xunit.Sdk;
using Xunit.v3;

namespace LinkService.Tests.Support;

/// <summary>
/// Starts the classes that take minutes first, longest first, then the rest in xUnit's own order: started last, a crash
/// test would finish minutes after everything else, while started first it runs beside the rest. The order changes when
/// a test runs, never what it checks.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    /// <summary>The slow classes, longest first (durations measured on the shared two-core machine).</summary>
    private static readonly Type[] Slowest =
    [
        typeof(ClusterCrashTests), // 3–5 min: two nodes and PostgreSQL, 20 kills
        typeof(CrashTests), // 2–3.5 min: 20 kills
        typeof(Intake.CrashRecoveryTests), // 70 s: the restart waits the fallback quiet period, by design
        typeof(ClusterEndToEndTests), // 1 min
        typeof(JourneyTests), // publishes the service
    ];

    private const string Prefix = "Test collection for ";

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections).OrderBy(c => Rank(c))];

    /// <summary>The class's place among the slowest, or after them all; a collection of one class is named after it.</summary>
    private static int Rank(ITestCollection collection)
    {
        var name = collection.TestCollectionDisplayName;
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            name = name[Prefix.Length..];
            var id = name.IndexOf(" (id: ", StringComparison.Ordinal);
            name = id < 0 ? name : name[..id];
        }

        var rank = Array.FindIndex(Slowest, type => type.FullName == name);
        return rank < 0 ? Slowest.Length : rank;
    }
}

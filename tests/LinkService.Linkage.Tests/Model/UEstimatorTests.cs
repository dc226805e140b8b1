using LinkService.Configuration.Projects;
using LinkService.Linkage.Comparison;
using LinkService.Linkage.Model;
using LinkService.Linkage.Tests.Support;

namespace LinkService.Linkage.Tests.Model;

public sealed class UEstimatorTests
{
    [Fact]
    public void Run_SourceWhosePeopleShareFewBirthDates_GetsItsOwnHigherChanceOfAgreement()
    {
        // Source 0's 200 people were born on one of 2 dates (an offender age profile, to excess); source 1's on 200.
        var concentrated = Enumerable.Range(0, 200).Select(i => ($"NAME{i}", i % 2 == 0 ? "1990-01-01" : "1991-06-15")).ToArray();
        var spread = Enumerable.Range(0, 200).Select(i => ($"NAME{i}", new DateOnly(1950, 1, 1).AddDays(i * 37).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var table = Tables.Of(concentrated, spread);
        var comparer = new PairComparer(Tables.Spec.Comparisons, table);

        var u = UEstimator.Run(comparer, table, LinkageMode.Both, 300_000, 1, TestContext.Current.CancellationToken);

        // Two records of source 0 share a date half the time; across the sources, or within source 1, next to never.
        const int dateOfBirth = 1;
        Assert.InRange(u.BySourcePair[SourcePairs.Of(0, 0)][dateOfBirth][0], 0.49, 0.51);
        Assert.InRange(u.BySourcePair[SourcePairs.Of(0, 1)][dateOfBirth][0], 0, 0.001);
        Assert.InRange(u.BySourcePair[SourcePairs.Of(1, 1)][dateOfBirth][0], 0, 0.001);

        // Pooled: each pair of sources weighted by its pairs (19,900 within each source, 40,000 across).
        var pooled = ((19_900 * u.BySourcePair[SourcePairs.Of(0, 0)][dateOfBirth][0]) + (40_000 * u.BySourcePair[SourcePairs.Of(0, 1)][dateOfBirth][0])
            + (19_900 * u.BySourcePair[SourcePairs.Of(1, 1)][dateOfBirth][0])) / 79_800;
        Assert.Equal(pooled, u.U[dateOfBirth][0], 12);
    }
}

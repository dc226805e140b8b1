using LinkService.Outputs.Disclosure;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Tests.Disclosure;

public sealed class KAnonymityFindingsTests
{
    private static OutputTable File(KAnonymityFigures? figures, long rows = 100) =>
        new("alpha.csv", "Records", "One row per record", [], rows, figures);

    [Fact]
    public void Of_SmallestClassAtK_PassesWithTheCounts()
    {
        var finding = KAnonymityFindings.Of(File(new KAnonymityFigures(5, ["age", "district"], 3, 12, 0, 5)));

        Assert.Equal(DisclosureVerdict.Pass, finding.Verdict);
        Assert.Equal("alpha.csv", finding.Subject);
        Assert.Equal(DisclosureRules.KAnonymity, finding.Rule);
        Assert.Equal("k = 5 over age, district: 3 classes below k; 12 rows had their quasi-identifiers suppressed and 0 rows dropped; the smallest class holds 5 rows", finding.Reason);
    }

    [Fact]
    public void Of_SmallestClassBelowK_Fails()
    {
        var finding = KAnonymityFindings.Of(File(new KAnonymityFigures(5, ["age"], 1, 1, 7, 1)));

        Assert.Equal(DisclosureVerdict.Fail, finding.Verdict);
                Assert.EndsWith("1 class below k; 1 row had their quasi-identifiers suppressed and 7 rows dropped, yet the smallest class holds 1 row, fewer than k", finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EmptyFile_HasNoClassToFail()
    {
        Assert.Equal(DisclosureVerdict.Pass, KAnonymityFindings.Of(File(new KAnonymityFigures(5, ["age"], 0, 0, 0, 0), rows: 0)).Verdict);
    }

    [Fact]
    public void Of_NoQuasiIdentifiers_PassesSayingKAnonymityWasNotApplied()
    {
        var finding = KAnonymityFindings.Of(File(null));

        Assert.Equal(DisclosureVerdict.Pass, finding.Verdict);
        Assert.Equal("no quasi-identifiers named, so k-anonymity was not applied", finding.Reason);
    }
}

using System.Text.RegularExpressions;
using LinkService.Configuration.Keys;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Tests.Pseudonyms;

public sealed partial class PseudonymiserTests
{
    private static readonly byte[] Master = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Record_IsShortTypeableAndPrefixed()
    {
        var pseudonyms = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "study"));

        Assert.Matches(Shape(), pseudonyms.Record("justice", "OFF00000001"));
        Assert.StartsWith("R-", pseudonyms.Record("justice", "OFF00000001"), StringComparison.Ordinal);
        Assert.StartsWith("P-", pseudonyms.Person("justice", "OFF00000001", 0), StringComparison.Ordinal);
    }

    [Fact]
    public void SameKeySameRecord_GivesTheSamePseudonym()
    {
        var a = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "study"));
        var b = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "study"));

        Assert.Equal(a.Record("justice", "OFF1"), b.Record("justice", "OFF1"));
        Assert.Equal(a.Person("justice", "OFF1", 0), b.Person("justice", "OFF1", 0));
    }

    [Fact]
    public void AnotherProjectSourceRecordOrAttempt_GivesAnotherPseudonym()
    {
        var study = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "study"));
        var other = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "other"));

        string[] all =
        [
            study.Record("justice", "1"), other.Record("justice", "1"), study.Record("welfare", "1"), study.Record("justice", "2"),
            study.Record("justic", "e1")[2..], study.Person("justice", "1", 0)[2..], study.Person("justice", "1", 1)[2..],
        ];

        Assert.Equal(all.Length, all.Select(p => p.Length > 16 ? p[2..] : p).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RecordAndPerson_KnownKey_GiveThePinnedPseudonyms()
    {
        var pseudonyms = new Pseudonymiser(ProjectKeys.Pseudonyms(Master, "study"));

        // Pinned: however the pseudonyms are computed, these are the ones earlier outputs carry.
        Assert.Equal(
            ["R-10A0DM6D5R9GHJQ3", "R-01K9JC9S1Y3YFS16", "P-GJQM64BS13XJ31TZ", "P-WTEESRXQV0GBEV2E"],
            [pseudonyms.Record("justice", "OFF00000001"), pseudonyms.Record("welfare", "Zoë, \"Q\" \ud83d\ude00"), pseudonyms.Person("justice", "OFF00000001", 0), pseudonyms.Person("welfare", "C123456789", 3)]);
    }

    [GeneratedRegex("^[PR]-[0-9A-HJKMNP-TV-Z]{16}$")]
    private static partial Regex Shape();
}

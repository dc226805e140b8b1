using LinkService.Outputs.Persons;

namespace LinkService.Outputs.Tests.Persons;

public sealed class OrdinalOrderTests
{
    [Fact]
    public void Of_RecordKeysSharingAPrefix_SortsAsStringCompareOrdinal()
    {
        var random = new Random(7);
        string[] values = [.. Enumerable.Range(0, 5_000).Select(_ => "OFF" + random.Next(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture)), "OFF", "OFF0", "OFF00000000x"];

        Assert.Equal(values.Order(StringComparer.Ordinal), Sorted(values));
    }

    [Fact]
    public void Of_ValuesOutsideLatin1AndOfEveryLength_SortsAsStringCompareOrdinal()
    {
        var random = new Random(11);
        char[] alphabet = ['\0', 'a', 'b', 'ÿ', 'Ā', '\ue000', '\uffff', '\ud83d', '\ude00', ','];
        string[] values = [.. Enumerable.Range(0, 3_000).Select(_ => new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])])).Distinct(StringComparer.Ordinal)];

        Assert.Equal(values.Order(StringComparer.Ordinal), Sorted(values));
    }

    private static string[] Sorted(string[] values) => [.. OrdinalOrder.Of(values.Length, i => values[i]).Select(i => values[i])];
}

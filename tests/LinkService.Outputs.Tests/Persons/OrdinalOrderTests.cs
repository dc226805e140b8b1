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

    [Theory]
    // Of one width, and no longer past the prefix than a number holds (sixteen digits, eight characters of Latin-1, four
    // of any), the keys are spelled again from the sorted numbers.
    [InlineData("OFF", "0123456789", 8, 5_000)]
    [InlineData("C", "0123456789", 16, 5_000)]
    [InlineData("", "ÿ0\u0001", 8, 3_000)]
    [InlineData("Ā", "aĀ\uffff", 4, 300)]
    // Longer: copied into the sorted order.
    [InlineData("C", "0123456789", 17, 5_000)]
    [InlineData("", "ÿ0\u0001", 9, 3_000)]
    [InlineData("Ā", "aĀ\uffff", 5, 300)]
    public void Sort_Keys_AreInOrdinalOrderWithTheirOrder(string prefix, string alphabet, int width, int count)
    {
        var random = new Random(width);
        string[] values = [.. Enumerable.Range(0, count)
            .Select(_ => prefix + new string([.. Enumerable.Range(0, width).Select(_ => alphabet[random.Next(alphabet.Length)])]))
            .Distinct(StringComparer.Ordinal)];
        var keys = KeyColumn.Of(values.Length, i => values[i]);

        var (order, sorted) = OrdinalOrder.Sort(keys, TestContext.Current.CancellationToken);

        Assert.Equal(values.Order(StringComparer.Ordinal), Enumerable.Range(0, sorted.Count).Select(i => sorted[i].ToString()));
        Assert.Equal(values.Order(StringComparer.Ordinal), order.Select(i => values[i]));
    }

    [Fact]
    public void Sort_KeysOfSeveralLengths_AreInOrdinalOrder()
    {
        string[] values = ["OFF10", "OFF1", "OFF", "OFF09", "OFF2", "OFF0"];
        var keys = KeyColumn.Of(values.Length, i => values[i]);

        var (_, sorted) = OrdinalOrder.Sort(keys, TestContext.Current.CancellationToken);

        Assert.Equal(["OFF", "OFF0", "OFF09", "OFF1", "OFF10", "OFF2"], Enumerable.Range(0, sorted.Count).Select(i => sorted[i].ToString()));
    }

    private static string[] Sorted(string[] values) => [.. OrdinalOrder.Of(values.Length, i => values[i]).Select(i => values[i])];
}

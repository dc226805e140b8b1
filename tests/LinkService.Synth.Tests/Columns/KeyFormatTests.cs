using System.Globalization;
using System.Text.RegularExpressions;
using LinkService.Synth.Columns;

namespace LinkService.Synth.Tests.Columns;

public sealed class KeyFormatTests
{
    [Theory]
    [InlineData("OFF[0-9]{8}")]
    [InlineData("C[0-9]{9}")]
    [InlineData(@"AB\d{3}")]
    [InlineData("[0-9]{20}")]
    public void Format_PrefixAndDigitsPattern_GivesUniqueKeysMatchingIt(string pattern)
    {
        var format = KeyFormat.FromPattern(pattern, 99)!;

        var keys = Enumerable.Range(0, 900).Select(i => Key(format, i)).ToList();

        Assert.All(keys, k => Assert.Matches(new Regex($"^(?:{pattern})$"), k));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Format_ConsecutiveRecords_DoNotGetConsecutiveKeys()
    {
        var format = KeyFormat.FromPattern("OFF[0-9]{8}", 5)!;

        var steps = Enumerable.Range(0, 100).Select(i => long.Parse(Key(format, i + 1)[3..], CultureInfo.InvariantCulture) - long.Parse(Key(format, i)[3..], CultureInfo.InvariantCulture)).ToList();

        Assert.True(steps.Distinct().Count() > 90);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("[A-Z]{2}[0-9]+")]
    public void FromPattern_NotPrefixAndDigits_IsNull(string? pattern) => Assert.Null(KeyFormat.FromPattern(pattern, 1));

    [Fact]
    public void Sequential_GivesTheRecordNumberFromOne()
    {
        var format = KeyFormat.Sequential("");

        Assert.Equal(["1", "2", "3"], Enumerable.Range(0, 3).Select(i => Key(format, i)));
    }

    [Fact]
    public void Capacity_IsTenToTheNumberOfDigits() => Assert.Equal(1_000UL, KeyFormat.FromPattern("K[0-9]{3}", 1)!.Capacity);

    private static string Key(KeyFormat format, long index)
    {
        Span<char> buffer = stackalloc char[format.MaxLength];
        return buffer[..format.Format(index, buffer)].ToString();
    }
}

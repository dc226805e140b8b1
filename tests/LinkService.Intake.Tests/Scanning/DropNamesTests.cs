using System.Text;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Tests.Scanning;

public sealed class DropNamesTests
{
    [Theory]
    [InlineData("offenders_1.csv", "offenders_1.csv")]
    [InlineData("offenders_1.csv\n", "offenders_1.csv\\n")]
    [InlineData("a\tb\rc", "a\\tb\\rc")]
    [InlineData("a\u001b[2Jb", "a\\u001B[2Jb")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("évaluation_é.csv", "évaluation_é.csv")]
    [InlineData("abc\u202Evsc.csv", "abc\\u202Evsc.csv")]
    [InlineData("a\u2028b\u0085c", "a\\u2028b\\u0085c")]
    public void Escape_Name_ShowsEveryControlAndDirectionCharacterAndTurnsBack(string name, string escaped)
    {
        Assert.Equal(escaped, DropNames.Escape(name));
        Assert.Equal(escaped, DropNames.Escape(Encoding.UTF8.GetBytes(name)));
        Assert.Equal(Encoding.UTF8.GetBytes(name), DropNames.Unescape(escaped));
        Assert.Equal(name, DropNames.Unescaped(escaped));
    }

    [Fact]
    public void Escape_BytesThatAreNotUtf8_EachShownAsHexAndTurnsBackToTheSameBytes()
    {
        byte[] raw = [(byte)'a', 0xFF, 0xC3, (byte)'b', 0xE2, 0x82];

        var escaped = DropNames.Escape(raw);

        Assert.Equal("a\\xFF\\xC3b\\xE2\\x82", escaped);
        Assert.Equal(raw, DropNames.Unescape(escaped));
        Assert.Null(DropNames.Unescaped(escaped));
    }

    [Theory]
    [InlineData("offenders_1.csv", null)]
    [InlineData("a\\\\b.csv", null)]
    [InlineData("sub/offenders_1.csv", null)]
    [InlineData("offenders_1.csv\\n", DropNames.ControlCharacter)]
    [InlineData("abc\\u202Evsc.csv", DropNames.ControlCharacter)]
    [InlineData("offenders_\\xFF.csv", DropNames.NotUtf8)]
    public void Problem_EscapedName_NamesWhyItIsRefused(string escaped, string? problem) =>
        Assert.Equal(problem, DropNames.Problem(escaped));
}

using LinkService.Configuration.Schemas;

namespace LinkService.Configuration.Tests.Schemas;

public sealed class StrftimeFormatTests
{
    [Theory]
    [InlineData("%d/%m/%Y", "dd/MM/yyyy")]
    [InlineData("%Y-%m-%d", "yyyy-MM-dd")]
    [InlineData("%d %b %Y", "dd MMM yyyy")]
    [InlineData("%Y-%m-%dT%H:%M:%S", "yyyy-MM-dd'T'HH:mm:ss")]
    public void TryToDotNet_KnownSpecifiers_TranslatesThem(string pattern, string expected)
    {
        Assert.True(StrftimeFormat.TryToDotNet(pattern, out var dotNet, out var problem));
        Assert.Equal(expected, dotNet);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("%d/%m/%Q", "%Q")]
    [InlineData("%d/%m/%", "lone '%'")]
    public void TryToDotNet_UnreadablePattern_SaysWhy(string pattern, string why)
    {
        Assert.False(StrftimeFormat.TryToDotNet(pattern, out _, out var problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }
}

using LinkService.Linkage.Standardisation;

namespace LinkService.Linkage.Tests.Standardisation;

public sealed class NicknamesTests
{
    [Theory]
    [InlineData("WILLIAM", "BILL")]
    [InlineData("MARGARET", "PEGGY")]
    [InlineData("ELIZABETH", "BETH")]
    public void GroupsOf_Variants_ShareAGroup(string formal, string variant) =>
        Assert.NotEmpty(Nicknames.GroupsOf(formal).Intersect(Nicknames.GroupsOf(variant)));

    [Fact]
    public void GroupsOf_UnrelatedNames_ShareNone() =>
        Assert.Empty(Nicknames.GroupsOf("WILLIAM").Intersect(Nicknames.GroupsOf("MARGARET")));
}

using LinkService.Linkage.Phonetics;

namespace LinkService.Linkage.Tests.Phonetics;

public sealed class DoubleMetaphoneTests
{
    // Examples from Philips (2000) and the reference implementation's comments.
    [Theory]
    [InlineData("Smith", "SM0", "XMT")]
    [InlineData("Schmidt", "XMT", "SMT")]
    [InlineData("Thomas", "TMS", "TMS")]
    [InlineData("Philip", "FLP", "FLP")]
    [InlineData("Knight", "NT", "NT")]
    [InlineData("Jose", "HS", "HS")]
    [InlineData("Catherine", "K0RN", "KTRN")]
    [InlineData("Xavier", "SF", "SFR")]
    [InlineData("Caesar", "SSR", "SSR")]
    [InlineData("Arnow", "ARN", "ARNF")]
    public void Encode_PublishedExamples_GivePrimaryAndAlternate(string name, string primary, string alternate)
    {
        var codes = DoubleMetaphone.Encode(name);
        Assert.Equal((primary, alternate), codes);
    }

    [Fact]
    public void Encode_SmithAndSchmidt_ShareAnAlternateCode()
    {
        var smith = DoubleMetaphone.Encode("Smith");
        var schmidt = DoubleMetaphone.Encode("Schmidt");
        Assert.Equal(smith.Alternate, schmidt.Primary);
    }
}

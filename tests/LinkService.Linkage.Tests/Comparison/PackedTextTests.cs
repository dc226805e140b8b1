using LinkService.Linkage.Comparison;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Comparison;

public sealed class PackedTextTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("AB123456")]
    [InlineData("ÉÀ12")]
    public void Read_GivesBackWhatWasWritten(string text)
    {
        var ints = new int[PackedText.Ints];
        var read = new char[PackedText.MaxChars];

        PackedText.Write(text, ints);

        Assert.Equal(text, new string(read, 0, PackedText.Read(ints, read)));
    }

    [Theory]
    [InlineData("AB123456", true)]
    [InlineData("AB1234567", false)]
    [InlineData("ŁUKASZ", false)]
    public void AllFit_OnlyValuesOfEightOneByteCharacters(string value, bool fits)
    {
        var pool = new ValuePool();
        pool.Intern("AB");
        pool.Intern(value);

        Assert.Equal(fits, PackedText.AllFit(pool));
    }
}

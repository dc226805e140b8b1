using LinkService.Linkage.Memory;

namespace LinkService.Linkage.Tests.Memory;

public sealed class ProcessMappingTests
{
    [Fact]
    public void Parse_AnonymousMapping_IsAnonymousWithItsRange()
    {
        var mapping = ProcessMapping.Parse("7f0487000000-7f0487011000 rw-p 00000000 00:00 0 ");

        Assert.Equal(new ProcessMapping(0x7f0487000000, 0x7f0487011000, Anonymous: true), mapping);
        Assert.Equal(0x11000UL, mapping!.Value.Length);
    }

    [Theory]
    [InlineData("7f4ecce00000-7f4eccef3000 r--p 00000000 fe:00 332396                     /usr/lib/x86_64-linux-gnu/libicui18n.so.72.1")]
    [InlineData("5630c4fd1000-5630c50c8000 rw-p 00000000 00:00 0                          [heap]")]
    [InlineData("7ffd1c8e4000-7ffd1c905000 rw-p 00000000 00:00 0                          [stack]")]
    public void Parse_FileOrNamedMapping_IsNotAnonymous(string line)
    {
        Assert.False(ProcessMapping.Parse(line)!.Value.Anonymous);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7f0487000000 rw-p 00000000 00:00 0")]
    [InlineData("7f0487011000-7f0487000000 rw-p 00000000 00:00 0")]
    [InlineData("zz-7f0487000000 rw-p 00000000 00:00 0")]
    public void Parse_LineOfAnotherShape_IsNull(string line)
    {
        Assert.Null(ProcessMapping.Parse(line));
    }
}

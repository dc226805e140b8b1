using System.Text;
using LinkService.Configuration.Sources;
using LinkService.Intake.Scanning;
using LinkService.Intake.Tests.Support;

namespace LinkService.Intake.Tests.Scanning;

public sealed class RecordEndTests
{
    [Theory]
    [InlineData("id,name\n1,A\n", false)]
    [InlineData("id,name\r\n1,A\r\n", false)]
    [InlineData("id,name\n1,A", true)]
    [InlineData("id,name\n1,\"A\nB\"\n", false)]
    [InlineData("id,name\n1,\"A\n", true)]
    [InlineData("id,name\n1,\"A \"\"quoted\"\" word\n", true)]
    [InlineData("id,name\n1,\"A \"\"quoted\"\" word\"\n", false)]
    [InlineData("id,height\n1,5'11\"\n", false)]
    [InlineData("id,name\n1,\"\"\n", false)]
    [InlineData("id,name\n1,\"A\",\"\n", true)]
    public void IsCutOff_FileEnd_TrueOnlyWithoutALineEndOrInsideAQuotedField(string content, bool cutOff)
    {
        foreach (var split in new[] { 1, 2, 3, 1024 })
        {
            var end = RecordEnd.For(Sources.Justice())!;
            var bytes = Encoding.UTF8.GetBytes(content);
            for (var i = 0; i < bytes.Length; i += split)
            {
                end.Append(bytes.AsSpan(i, Math.Min(split, bytes.Length - i)));
            }

            Assert.Equal(cutOff, end.IsCutOff);
        }
    }

    [Fact]
    public void For_ChecksumOrCompressedSource_DoesNotApply()
    {
        Assert.Null(RecordEnd.For(Sources.Justice(CompletionSignal.Checksum)));
    }
}

using LinkService.Intake.Storage;

namespace LinkService.Intake.Tests.Storage;

public sealed class DeliveryFilesTests
{
    [Theory]
    [InlineData("offenders_1.csv", ".csv")]
    [InlineData("offenders_1.CSV.GZ", ".csv.gz")]
    [InlineData("offenders", "")]
    [InlineData("offenders.c$v", "")]
    [InlineData("offenders.csv;rm -rf", "")]
    public void Extension_DeliveredName_KeepsOnlyAPlainExtension(string name, string expected) =>
        Assert.Equal(expected, DeliveryFiles.Extension(name));
}

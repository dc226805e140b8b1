using LinkService.Configuration.Projects.Linkage;
using LinkService.Linkage.Standardisation;

namespace LinkService.Linkage.Tests.Standardisation;

public sealed class FieldStandardiserTests
{
    [Theory]
    [InlineData("  José-María  O'Neill ", "JOSE", "MARIA ONEILL")]
    [InlineData("Mr John Paul", "JOHN", "PAUL")]
    [InlineData("ZOË", "ZOE", null)]
    [InlineData("UNKNOWN", null, null)]
    [InlineData("n/a", null, null)]
    public void Standardise_Forename_FoldsAndSplitsMiddleNames(string raw, string? first, string? middle) =>
        Assert.Equal((first, middle), new FieldStandardiser(StandardiseAs.Forename, []).Standardise(raw));

    [Theory]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("van der Berg", "VANDERBERG")]
    [InlineData("Smith-Jones", "SMITHJONES")]
    [InlineData("Müller", "MULLER")]
    public void Standardise_Surname_JoinsPrefixesAndHyphens(string raw, string expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Surname, []).Standardise(raw).Value);

    // Letters with a stroke or of their own (Ł, Đ, Þ, dotless ı) have no Unicode decomposition to fold through.
    [Theory]
    [InlineData("Wałęsa", "WALESA")]
    [InlineData("Łukaszewski", "LUKASZEWSKI")]
    [InlineData("Đorđević", "DORDEVIC")]
    [InlineData("Øberg", "OBERG")]
    [InlineData("Þórsdóttir", "THORSDOTTIR")]
    [InlineData("Yıldız", "YILDIZ")]
    [InlineData("Œuvray", "OEUVRAY")]
    public void Standardise_Surname_FoldsLettersWithoutADecomposition(string raw, string expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Surname, []).Standardise(raw).Value);

    [Theory]
    [InlineData("%d/%m/%Y", "dd/MM/yyyy", "03/04/1985", "19850403")]
    [InlineData(null, null, "1985-04-03", "19850403")]
    [InlineData("%d/%m/%Y", "dd/MM/yyyy", "01/01/1900", null)]
    [InlineData("%d/%m/%Y", "dd/MM/yyyy", "31/02/1985", null)]
    public void Standardise_Date_ParsesTheSourceFormatAndDropsPlaceholders(string? _, string? format, string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Date, [], format).Standardise(raw).Value);

    [Theory]
    [InlineData("sw1a1aa", "SW1A 1AA")]
    [InlineData(" M1  1AE ", "M1 1AE")]
    [InlineData("4223", "4223")]
    public void Standardise_Postcode_NormalisesUkSpacing(string raw, string expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Postcode, []).Standardise(raw).Value);

    [Theory]
    [InlineData("ab 12 34 56 c", "AB123456")]
    [InlineData("QQ123456C", null)]
    [InlineData("AB000000A", null)]
    public void Standardise_NiNumber_DropsSuffixAndPlaceholders(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.NiNumber, []).Standardise(raw).Value);

    [Theory]
    [InlineData("Female", "F")]
    [InlineData("m", "M")]
    [InlineData("Not known", null)]
    public void Standardise_Sex_ReadsCommonCodings(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Sex, []).Standardise(raw).Value);

    [Fact]
    public void Standardise_ConfiguredBlankValue_IsMissing() =>
        Assert.Null(new FieldStandardiser(StandardiseAs.Surname, ["REFUSED"]).Standardise("Refused").Value);
}

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
    [InlineData("sw1a 1Åa", "SW1A 1AA")]
    [InlineData("n/a", null)]
    public void Standardise_Postcode_NormalisesUkSpacing(string raw, string? expected) => AssertCode(StandardiseAs.Postcode, raw, expected);

    [Theory]
    [InlineData("ab 12 34 56 c", "AB123456")]
    [InlineData("QQ123456C", null)]
    [InlineData("AB000000A", null)]
    [InlineData("áb 12 34 56", "AB123456")]
    [InlineData("unknown", null)]
    public void Standardise_NiNumber_DropsSuffixAndPlaceholders(string raw, string? expected) => AssertCode(StandardiseAs.NiNumber, raw, expected);

    [Theory]
    [InlineData("Female", "F")]
    [InlineData("m", "M")]
    [InlineData("Not known", null)]
    public void Standardise_Sex_ReadsCommonCodings(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Sex, []).Standardise(raw).Value);

    [Fact]
    public void Standardise_ConfiguredBlankValue_IsMissing() =>
        Assert.Null(new FieldStandardiser(StandardiseAs.Surname, ["REFUSED"]).Standardise("Refused").Value);

    [Theory]
    [InlineData(" Jo.Bloggs@Example.ORG ", "JO.BLOGGS@EXAMPLE.ORG")]
    [InlineData("mailto:jo@example.org", "JO@EXAMPLE.ORG")]
    [InlineData("jo at example.org", null)]
    [InlineData("jo@@example.org", null)]
    [InlineData("@example.org", null)]
    [InlineData("jo@localhost", null)]
    public void Standardise_Email_KeepsOneAddressFormOrNone(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Email, []).Standardise(raw).Value);

    [Theory]
    [InlineData("07700 900123", "07700900123")]
    [InlineData("+44 7700 900123", "07700900123")]
    [InlineData("+44 (0)7700-900123", "07700900123")]
    [InlineData("0044 7700 900123", "07700900123")]
    [InlineData("(020) 7946 0018", "02079460018")]
    [InlineData("12345", null)]
    [InlineData("000 0000 0000", null)]
    public void Standardise_Phone_ReadsUkPrefixesAsTheLeadingZero(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Phone, []).Standardise(raw).Value);

    [Theory]
    [InlineData("12 High Street", "12 HIGH ST")]
    [InlineData("12, HIGH ST.", "12 HIGH ST")]
    [InlineData("Flat 3, The Old Mill, Mill Lane", "FLAT 3 OLD MILL MILL LN")]
    [InlineData("Apt 3 Old Mill Mill Ln", "FLAT 3 OLD MILL MILL LN")]
    public void Standardise_Address_AbbreviatesStreetWords(string raw, string expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.Address, []).Standardise(raw).Value);

    [Theory]
    [InlineData("ab-0012/x", "AB0012X")]
    [InlineData("000123", "000123")]
    [InlineData("--", null)]
    public void Standardise_UpperAlnum_KeepsLettersDigitsAndLeadingZeros(string raw, string? expected) =>
        Assert.Equal(expected, new FieldStandardiser(StandardiseAs.UpperAlnum, []).Standardise(raw).Value);

    [Theory]
    [InlineData(StandardiseAs.Postcode, "sw1a1aa", "SW1A 1AA")]
    [InlineData(StandardiseAs.Postcode, "  ec1a  1bb", "EC1A 1BB")]
    [InlineData(StandardiseAs.Postcode, "4223", "4223")]
    [InlineData(StandardiseAs.NiNumber, " ab123456c ", "AB123456")]
    public void StandardiseCode_IntoABufferOneLongerThanTheCell_WritesTheStandardisedCodeAndNothingPastIt(StandardiseAs kind, string raw, string expected)
    {
        var buffer = new char[raw.Length + 2];
        buffer[^1] = '#';

        var length = new FieldStandardiser(kind, []).StandardiseCode(raw, buffer.AsSpan(0, raw.Length + 1));

        Assert.Equal(expected, new string(buffer, 0, length));
        Assert.Equal('#', buffer[^1]);
    }

    /// <summary>A code standardises alike from a string, from a cell's characters (the way a reading hands it over) and into a buffer.</summary>
    private static void AssertCode(StandardiseAs kind, string raw, string? expected)
    {
        var standardiser = new FieldStandardiser(kind, []);
        Assert.Equal(expected, standardiser.Standardise(raw).Value);
        Assert.Equal(expected, standardiser.Standardise(raw.AsSpan()).Value);
        var buffer = new char[raw.Length + 1];
        var length = standardiser.StandardiseCode(raw, buffer);
        Assert.Equal(expected ?? "", new string(buffer, 0, length));
    }
}

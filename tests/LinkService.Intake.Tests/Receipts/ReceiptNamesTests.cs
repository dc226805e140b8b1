using System.Text;
using LinkService.Intake.Receipts;
using LinkService.Intake.Scanning;

namespace LinkService.Intake.Tests.Receipts;

public sealed class ReceiptNamesTests
{
    private const string Id = "20261125T090000Z-1a2b3c4d";

    [Fact]
    public void Names_PlainFile_FileThenDeliveryIdThenKind()
    {
        Assert.Equal("claims_2026_11.csv.20261125T090000Z-1a2b3c4d.receipt.txt", ReceiptNames.Text("claims_2026_11.csv", Id));
        Assert.Equal("claims_2026_11.csv.20261125T090000Z-1a2b3c4d.receipt.json", ReceiptNames.Json("claims_2026_11.csv", Id));
    }

    [Fact]
    public void Names_TwoDeliveriesOfOneFile_SortByTheTimeTheyWereReceived()
    {
        string[] names = [ReceiptNames.Text("a.csv", "20261125T100000Z-00000000"), ReceiptNames.Text("a.csv", "20261125T090000Z-ffffffff")];

        Assert.Equal([names[1], names[0]], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Names_NameWithALineEnd_UseTheEscapedFormAndNoControlCharacter()
    {
        var escaped = DropNames.Escape("evil\nname.csv");

        var name = ReceiptNames.Text(escaped, Id);

        Assert.Equal("evil\\nname.csv." + Id + ".receipt.txt", name);
        Assert.DoesNotContain(name, char.IsControl);
    }

    [Fact]
    public void Names_FileRefusedFromASubFolder_APlainFileName()
    {
        Assert.Equal("march_offenders_1.csv." + Id + ".receipt.json", ReceiptNames.Json("march/offenders_1.csv", Id));
    }

    [Fact]
    public void Names_LongestFileName_ShortenedToFitOneNameAndKeepTheId()
    {
        var name = ReceiptNames.Json(new string('é', 127) + ".csv", Id);

        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"{Encoding.UTF8.GetByteCount(name)} bytes");
        Assert.EndsWith("." + Id + ".receipt.json", name, StringComparison.Ordinal);
    }
}

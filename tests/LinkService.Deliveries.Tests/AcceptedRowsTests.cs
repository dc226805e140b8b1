using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;
using LinkService.Deliveries.Tests.Support;
using LinkService.Linkage.Running;
using LinkService.Validation;
using LinkService.Validation.Report;
using Microsoft.Extensions.DependencyInjection;

namespace LinkService.Deliveries.Tests;

/// <summary>
/// Awkward deliveries read by every stage: validation sets rows aside, then linkage and any later stage
/// (through <see cref="AcceptedRows"/>) must take exactly the rows validation accepted, no more, no fewer.
/// </summary>
public sealed class AcceptedRowsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Each case: the file's text, whether it starts with a BOM, the rows validation must set aside, and the people whose rows are valid.</summary>
    public static TheoryData<string> Cases() => new(Deliveries.Keys);

    private static readonly Dictionary<string, (string Text, bool Bom, long[] SetAside, int[] Valid)> Deliveries = new()
    {
        // The reported case: a blank line after row 10 is row 11; person 19's bad date is then on row 20.
        ["blank-line"] = (
            Lines(Enumerable.Range(1, 10).Select(p => Offenders.Row(p)).Append("").Concat(Enumerable.Range(11, 15).Select(p => Offenders.Row(p, dateOfBirth: p == 19 ? "31/02/1980" : "01/02/1980")))),
            false, [11, 20], [.. Enumerable.Range(1, 25).Where(p => p != 19)]),
        ["quoted-newlines"] = (
            Lines(Enumerable.Range(1, 8).Select(p => Offenders.Row(p, forenames: p is 2 or 3 ? "\"Ada\nMary\r\nJane\"" : "Ada", dateOfBirth: p == 5 ? "1980-02-01" : "01/02/1980"))),
            false, [5], [1, 2, 3, 4, 6, 7, 8]),
        ["crlf-and-lf"] = (
            Offenders.Header + "\r\n" + string.Concat(Enumerable.Range(1, 8).Select(p => Offenders.Row(p, dateOfBirth: p == 4 ? "x" : "01/02/1980") + (p % 2 == 0 ? "\r\n" : "\n"))),
            false, [4], [1, 2, 3, 5, 6, 7, 8]),
        ["byte-order-mark"] = (
            Lines(Enumerable.Range(1, 6).Select(p => Offenders.Row(p, dateOfBirth: p == 2 ? "not a date" : "01/02/1980"))),
            true, [2], [1, 3, 4, 5, 6]),
        ["trailing-delimiters"] = (
            Lines(Enumerable.Range(1, 8).Select(p => Offenders.Row(p) + (p is 3 or 6 ? "," : ""))),
            false, [3, 6], [1, 2, 4, 5, 7, 8]),
        ["blank-lines-and-bad-rows-everywhere"] = (
            Lines(new[] { "" }.Concat(Enumerable.Range(1, 6).Select(p => Offenders.Row(p, forenames: p == 3 ? "\"A\n\nB\"" : "Ada", dateOfBirth: p == 4 ? "x" : "01/02/1980"))).Append("").Append(Offenders.Row(7) + ",")),
            false, [1, 5, 8, 9], [1, 2, 3, 5, 6]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryStage_ReadsTheRowsValidationAccepted(string name)
    {
        var (text, bom, expectedSetAside, valid) = Deliveries[name];
        var source = Offenders.Source();
        var path = Offenders.Write(_temp.Combine(name + ".csv"), text, bom);

        var report = await ValidateAsync(source, path);
        var setAside = new SetAsideRows(report.SetAside);
        var accepted = ReadKeys(source, path, setAside);
        var linked = LinkageRecordIds(source, path, setAside);

        Assert.True(report.IsAccepted, string.Join("; ", report.RejectionReasons));
        Assert.Equal(expectedSetAside, report.SetAsideRows);
        Assert.Equal(expectedSetAside, report.SetAside.Select(r => r.Row));
        Assert.Equal(valid.Select(Offenders.Key), accepted);
        Assert.Equal(valid.Select(Offenders.Key), linked);
    }

    [Fact]
    public async Task Read_SetAsideRowsOfAnotherReading_FailsRatherThanDroppingValidRows()
    {
        // Row numbers as a reading that skips blank lines gave them: rows 11 and 20 named persons 12 and 21.
        var (text, _, _, _) = Deliveries["blank-line"];
        var source = Offenders.Source();
        var path = Offenders.Write(_temp.Combine("d.csv"), text);
        var report = await ValidateAsync(source, path);
        var shifted = new SetAsideRows(report.SetAside.Select(r => r with { Row = r.Row + 1 }));

        var failure = Assert.Throws<InvalidDataException>(() => ReadKeys(source, path, shifted));

        Assert.Equal("delivery d1: row 12 is not the row validation set aside there; the stored copy, or the way it is read, has changed since validation", failure.Message);
    }

    [Fact]
    public async Task Read_SetAsideRowPastTheEnd_Fails()
    {
        var source = Offenders.Source();
        var path = Offenders.Write(_temp.Combine("d.csv"), Lines(Enumerable.Range(1, 3).Select(p => Offenders.Row(p, dateOfBirth: p == 3 ? "x" : "01/02/1980"))));
        var report = await ValidateAsync(source, path);
        File.WriteAllText(path, Lines(Enumerable.Range(1, 2).Select(p => Offenders.Row(p))));

        var failure = Assert.Throws<InvalidDataException>(() => ReadKeys(source, path, new SetAsideRows(report.SetAside)));

        Assert.Contains("1 row(s) validation set aside are past the end of the file", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderlessDelivery_NumbersTheFirstRecordOne()
    {
        var source = Offenders.Source(header: false);
        var path = Offenders.Write(_temp.Combine("d.csv"), string.Concat(Enumerable.Range(1, 3).Select(p => Offenders.Row(p) + "\n")));

        using var rows = AcceptedRows.Open(source, "d1", path, SetAsideRows.None);

        Assert.True(rows.Read());
        Assert.Equal(1, rows.Row);
        Assert.Equal(Offenders.Key(1), rows[rows.ColumnOf(0)]);
    }

    [Fact]
    public async Task Read_StoredCopyRowChangedSinceIntake_FailsOnceReadNamingTheDeliveryNotTheRow()
    {
        var source = Offenders.Source();
        var path = Offenders.Write(_temp.Combine("d.csv"), Lines(Enumerable.Range(1, 4).Select(p => Offenders.Row(p))));
        var digest = await DigestOfAsync(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Surname3,", "Surname8,", StringComparison.Ordinal));

        using var rows = AcceptedRows.Open(source, "d1", path, SetAsideRows.None, digest);
        var read = 0;
        var failure = Assert.Throws<StoredCopyAlteredException>(() =>
        {
            while (rows.Read())
            {
                read++;
            }
        });

        Assert.Equal(4, read);
        Assert.Equal("the stored copy of delivery d1 (source 'justice') does not match the SHA-256 recorded when it was taken: it was altered in the store", failure.Message);
    }

    [Fact]
    public async Task Read_StoredCopyCutShortSinceIntake_SaysItWasAlteredRatherThanThatSetAsideRowsAreMissing()
    {
        var source = Offenders.Source();
        var path = Offenders.Write(_temp.Combine("d.csv"), Lines(Enumerable.Range(1, 3).Select(p => Offenders.Row(p, dateOfBirth: p == 3 ? "x" : "01/02/1980"))));
        var report = await ValidateAsync(source, path);
        var digest = await DigestOfAsync(path);
        File.WriteAllText(path, Lines(Enumerable.Range(1, 2).Select(p => Offenders.Row(p))));

        using var rows = AcceptedRows.Open(source, "d1", path, new SetAsideRows(report.SetAside), digest);
        var failure = Assert.Throws<StoredCopyAlteredException>(() =>
        {
            while (rows.Read())
            {
            }
        });

        Assert.EndsWith("does not have the size recorded when it was taken: it was altered in the store", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StoredCopyMissing_SaysItIsMissingFromTheStore()
    {
        var failure = Assert.Throws<StoredCopyAlteredException>(() => AcceptedRows.Open(Offenders.Source(), "d1", _temp.Combine("gone.csv"), SetAsideRows.None, new StoredDigest(1, "00")));

        Assert.Equal("the stored copy of delivery d1 (source 'justice') is missing from the store", failure.Message);
    }

    private static async Task<StoredDigest> DigestOfAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        return new StoredDigest(bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    private static string Lines(IEnumerable<string> rows) => Offenders.Header + "\n" + string.Concat(rows.Select(r => r + "\n"));

    private static async Task<ValidationReport> ValidateAsync(Configuration.Sources.SourceDefinition source, string path)
    {
        using var services = new ServiceCollection().AddLogging().AddValidation().BuildServiceProvider();
        return await services.GetRequiredService<IExtractValidator>().ValidateAsync(source, path, ValidationOutputs.None, TestContext.Current.CancellationToken);
    }

    private static List<string> ReadKeys(Configuration.Sources.SourceDefinition source, string path, SetAsideRows setAside)
    {
        using var rows = AcceptedRows.Open(source, "d1", path, setAside);
        var key = rows.ColumnOf(0);
        var keys = new List<string>();
        while (rows.Read())
        {
            keys.Add(rows[key]);
        }

        return keys;
    }

    private static List<string> LinkageRecordIds(Configuration.Sources.SourceDefinition source, string path, SetAsideRows setAside)
    {
        var spec = Offenders.Catalog.Projects["reoffending-benefits"].Linkage;
        var records = SourceRecordsReader.Read(new LinkageInput(source, "d1", path, setAside), spec, TestContext.Current.CancellationToken);
        return [.. Enumerable.Range(0, records.Count).Select(i => new string(records.RecordIds[i]))];
    }
}

using LinkService.Deliveries.SetAside;

namespace LinkService.Deliveries.Tests.SetAside;

public sealed class SetAsideRowsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ReadAsync_WhatFormatWrote_GivesEveryRowAndFingerprintBack()
    {
        var path = _temp.Combine("d.excluded");
        await File.WriteAllTextAsync(path, SetAsideRows.Format([new SetAsideRow(3, 0xabc), new SetAsideRow(70_000_000_000, UInt128.MaxValue)]), TestContext.Current.CancellationToken);

        var rows = await SetAsideRows.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(2, rows.Count);
        Assert.True(rows.TryGet(3, out var third) && third == 0xabc);
        Assert.True(rows.TryGet(70_000_000_000, out var last) && last == UInt128.MaxValue);
        Assert.False(rows.TryGet(4, out _));
    }

    [Fact]
    public async Task ReadAsync_NoFile_NoRowsSetAside()
    {
        var rows = await SetAsideRows.ReadAsync(_temp.Combine("none.excluded"), TestContext.Current.CancellationToken);

        Assert.Equal(0, rows.Count);
    }

    [Fact]
    public async Task ReadAsync_RowNumbersAloneAsIntakeOnceWroteThem_FailsAskingForTheDeliveryToBeValidatedAgain()
    {
        var path = _temp.Combine("d.excluded");
        await File.WriteAllTextAsync(path, "3\n7\n", TestContext.Current.CancellationToken);

        var failure = await Assert.ThrowsAsync<InvalidDataException>(() => SetAsideRows.ReadAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("the set-aside file d.excluded is not in the row-and-fingerprint form at line 1; validate the delivery again", failure.Message);
    }
}

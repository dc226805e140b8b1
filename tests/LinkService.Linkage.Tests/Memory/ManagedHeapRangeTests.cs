using LinkService.Linkage.Memory;

namespace LinkService.Linkage.Tests.Memory;

/// <summary>On the mappings of a real .NET 10 process (2 cores, 24 GiB): the GC's bookkeeping, its regions, C-heap arenas, a library.</summary>
public sealed class ManagedHeapRangeTests
{
    // GC.GetConfigurationVariables()["GCRegionRange"] in that process.
    private const ulong Reserved = 50_552_053_760;

    private static readonly ProcessMapping[] Mappings =
    [
        .. Lines(
            "7f046f33e000-7f046f341000 rw-p 00000000 00:00 0",
            "7f046f341000-7f0487000000 ---p 00000000 00:00 0",
            "7f0487000000-7f0487011000 rw-p 00000000 00:00 0",
            "7f0487011000-7f0489000000 ---p 00000000 00:00 0",
            "7f0489000000-7f0489001000 rw-p 00000000 00:00 0",
            "7f0489001000-7f0489400000 ---p 00000000 00:00 0",
            "7f0489400000-7f0489401000 rw-p 00000000 00:00 0",
            "7f0489401000-7f0489800000 ---p 00000000 00:00 0",
            "7f0489800000-7f0489811000 rw-p 00000000 00:00 0",
            "7f0489811000-7f0489c00000 ---p 00000000 00:00 0",
            "7f0489c00000-7f0489c01000 rw-p 00000000 00:00 0",
            "7f0489c01000-7f048bc00000 ---p 00000000 00:00 0",
            "7f048bc00000-7f049084c000 rw-p 00000000 00:00 0",
            "7f049084c000-7f104c000000 ---p 00000000 00:00 0",
            "7f104c000000-7f104c021000 rw-p 00000000 00:00 0",
            "7f104c021000-7f1050000000 ---p 00000000 00:00 0",
            "7f1058201000-7f105826a000 r--p 00000000 fe:00 332412 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30"),
    ];

    [Fact]
    public void Find_AddressInARegion_IsTheReservedRangeEndingWithItsUnusedTop()
    {
        var range = ManagedHeapRange.Find(Mappings, 0x7f0489c00100, Reserved);

        // The top ends where the arenas begin; the start is the range's size below it, rounded up to a page, which leaves
        // the bookkeeping below (7f0487000000 is where the GC put its first region).
        Assert.Equal((0x7f0486dce000UL, 0x7f104c000000UL), range);
    }

    // The same process with DOTNET_GCRegionRange=0x40000000, nine 100 MB arrays made and the first four dropped by a
    // compacting collection: the freed middle (7f2a50801000-7f2a5ec00000) and the C-heap arenas above (64 MiB each) are
    // larger than what is left unused at the range's top (7f2a84c00000-7f2a88000000).
    private const ulong SmallReserved = 0x40000000;

    private static readonly ProcessMapping[] NearlyFull =
    [
        .. Lines(
            "7f2a47e8b000-7f2a47ecf000 rw-p 00000000 00:00 0",
            "7f2a48000000-7f2a48011000 rw-p 00000000 00:00 0",
            "7f2a48011000-7f2a4a000000 ---p 00000000 00:00 0",
            "7f2a4a000000-7f2a4a400000 rw-p 00000000 00:00 0",
            "7f2a4a400000-7f2a4a800000 rw-p 00000000 00:00 0",
            "7f2a4a800000-7f2a4ac01000 rw-p 00000000 00:00 0",
            "7f2a4ac01000-7f2a4cc00000 ---p 00000000 00:00 0",
            "7f2a4cc00000-7f2a4cffe000 rw-p 00000000 00:00 0",
            "7f2a4cffe000-7f2a4d000000 ---p 00000000 00:00 0",
            "7f2a4d000000-7f2a4d800000 rw-p 00000000 00:00 0",
            "7f2a4d800000-7f2a4dff5000 rw-p 00000000 00:00 0",
            "7f2a4dff5000-7f2a4e000000 ---p 00000000 00:00 0",
            "7f2a4e000000-7f2a4e7fe000 rw-p 00000000 00:00 0",
            "7f2a4e7fe000-7f2a4e800000 ---p 00000000 00:00 0",
            "7f2a4e800000-7f2a4effe000 rw-p 00000000 00:00 0",
            "7f2a4effe000-7f2a4f000000 ---p 00000000 00:00 0",
            "7f2a4f000000-7f2a4f71e000 rw-p 00000000 00:00 0",
            "7f2a4f71e000-7f2a4f800000 ---p 00000000 00:00 0",
            "7f2a4f800000-7f2a4fe11000 rw-p 00000000 00:00 0",
            "7f2a4fe11000-7f2a50000000 ---p 00000000 00:00 0",
            "7f2a50000000-7f2a50611000 rw-p 00000000 00:00 0",
            "7f2a50611000-7f2a50800000 ---p 00000000 00:00 0",
            "7f2a50800000-7f2a50801000 rw-p 00000000 00:00 0",
            "7f2a50801000-7f2a5ec00000 ---p 00000000 00:00 0",
            "7f2a5ec00000-7f2a64b5f000 rw-p 00000000 00:00 0",
            "7f2a64b5f000-7f2a64c00000 ---p 00000000 00:00 0",
            "7f2a64c00000-7f2a6ab5f000 rw-p 00000000 00:00 0",
            "7f2a6ab5f000-7f2a6ac00000 ---p 00000000 00:00 0",
            "7f2a6ac00000-7f2a70b5f000 rw-p 00000000 00:00 0",
            "7f2a70b5f000-7f2a70c00000 ---p 00000000 00:00 0",
            "7f2a70c00000-7f2a76b5f000 rw-p 00000000 00:00 0",
            "7f2a76b5f000-7f2a76c00000 ---p 00000000 00:00 0",
            "7f2a76c00000-7f2a7cb5f000 rw-p 00000000 00:00 0",
            "7f2a7cb5f000-7f2a7cc00000 ---p 00000000 00:00 0",
            "7f2a7cc00000-7f2a82b5f000 rw-p 00000000 00:00 0",
            "7f2a82b5f000-7f2a82c00000 ---p 00000000 00:00 0",
            "7f2a82c00000-7f2a82ffd000 rw-p 00000000 00:00 0",
            "7f2a82ffd000-7f2a83000000 ---p 00000000 00:00 0",
            "7f2a83000000-7f2a837fe000 rw-p 00000000 00:00 0",
            "7f2a837fe000-7f2a83800000 ---p 00000000 00:00 0",
            "7f2a83800000-7f2a84000000 rw-p 00000000 00:00 0",
            "7f2a84000000-7f2a847fc000 rw-p 00000000 00:00 0",
            "7f2a847fc000-7f2a84800000 ---p 00000000 00:00 0",
            "7f2a84800000-7f2a84c00000 rw-p 00000000 00:00 0",
            "7f2a84c00000-7f2a88000000 ---p 00000000 00:00 0",
            "7f2a88000000-7f2a88021000 rw-p 00000000 00:00 0",
            "7f2a88021000-7f2a8c000000 ---p 00000000 00:00 0",
            "7f2a8c000000-7f2a8c021000 rw-p 00000000 00:00 0",
            "7f2a8c021000-7f2a90000000 ---p 00000000 00:00 0"),
    ];

    [Fact]
    public void Find_TopSmallerThanAFreedGapOrAnArena_IsTheWholeRangeAndNoArena()
    {
        // The arrays left live lie at 7f2a5ec00058 and above; the arenas begin at 7f2a88000000.
        Assert.Equal((0x7f2a48000000UL, 0x7f2a88000000UL), ManagedHeapRange.Find(NearlyFull, 0x7f2a5033ee38, SmallReserved));
    }

    [Fact]
    public void Find_WithARangeLargerThanTheRun_IsNull()
    {
        Assert.Null(ManagedHeapRange.Find(Mappings, 0x7f048bc00000, ulong.MaxValue / 2));
    }

    [Fact]
    public void Find_MoreThanTheRangeBelowTheAddress_IsNull()
    {
        // 7f046f33e000 to the address is more than 0x10000000 bytes: the range's start cannot be told from the run's.
        Assert.Null(ManagedHeapRange.Find(Mappings, 0x7f0489c00100, 0x10000000));
    }

    [Theory]
    [InlineData(0x7f1058201000UL)]
    [InlineData(0x7f1057000000UL)]
    public void Find_AddressInAFileOrInNoMapping_IsNull(ulong address)
    {
        Assert.Null(ManagedHeapRange.Find(Mappings, address, Reserved));
    }

    private static IEnumerable<ProcessMapping> Lines(params string[] lines) => lines.Select(line => ProcessMapping.Parse(line)!.Value);
}

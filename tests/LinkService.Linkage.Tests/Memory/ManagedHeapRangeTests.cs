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

    [Fact]
    public void Find_WithARangeLargerThanTheRun_StopsWhereTheRunStarts()
    {
        Assert.Equal((0x7f046f33e000UL, 0x7f104c000000UL), ManagedHeapRange.Find(Mappings, 0x7f048bc00000, ulong.MaxValue / 2));
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

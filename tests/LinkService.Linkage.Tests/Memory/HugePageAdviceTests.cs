using System.Globalization;
using System.Runtime.InteropServices;
using LinkService.Linkage.Memory;
using LinkService.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Linkage.Tests.Memory;

/// <summary>
/// On this process's own heap, read back from /proc/self/smaps (the kernel's "hg" flag on a mapping is the advice in
/// force); the kernel's mode is a file of the test's, so each mode can be tried whatever the machine's is.
/// </summary>
public sealed class HugePageAdviceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CollectingLoggerProvider _log = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Begin_KernelModeMadvise_AdvisesTheHeapWhereNewArraysGo()
    {
        SkipUnlessTheKernelHasThem();

        using var advice = Advice("always [madvise] never").Begin();
        var array = new long[4_000_000];

        Assert.Contains("hg", FlagsAt(array));
        Assert.Contains(_log.Lines, line => line.StartsWith("Information 5010 Transparent huge pages asked for the managed heap", StringComparison.Ordinal));
        GC.KeepAlive(array);
    }

    [Fact]
    public void Begin_AdviceDroppedByTheGC_IsRenewedAfterACollection()
    {
        SkipUnlessTheKernelHasThem();
        using var advice = Advice("always [madvise] never").Begin();
        var array = new long[4_000_000];

        // As the GC's remapping of a region it gave back does: the advice is gone from the mapping.
        var (start, length) = MappingAt(array);
        Assert.Equal(0, Libc.Madvise((nint)start, (nuint)length, NoHugePage));
        Assert.DoesNotContain("hg", FlagsAt(array));
        GC.Collect();
        _time.Advance(new HugePageOptions().RenewEvery);

        Assert.Contains("hg", FlagsAt(array));
        GC.KeepAlive(array);
    }

    [Theory]
    [InlineData("[always] madvise never", "the kernel gives them to all memory already (mode always)")]
    [InlineData("always madvise [never]", "the kernel's mode is never")]
    [InlineData(null, "this kernel has none")]
    public void Begin_KernelModeOtherThanMadvise_SaysWhyNothingWasAsked(string? mode, string reason)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the kernel's mode is asked for on Linux only");

        Advice(mode).Begin().Dispose();

        Assert.Equal([$"Information 5011 Transparent huge pages not asked for: {reason} "], _log.Lines);
    }

    [Fact]
    public void Begin_SwitchedOff_AsksNothing()
    {
        Advice("always [madvise] never", enabled: false).Begin().Dispose();

        Assert.Equal(["Information 5011 Transparent huge pages not asked for: switched off in the settings "], _log.Lines);
    }

    [Fact]
    public void Begin_KernelModeUnreadable_SaysWhyAndThrowsNothing()
    {
        SkipUnlessTheKernelHasThem();

        // Exists, but reading it fails (EIO at offset 0), as a mode file a sandbox denies does.
        Advice("/proc/self/mem", modeFileItself: true).Begin().Dispose();

        var line = Assert.Single(_log.Lines);
        Assert.StartsWith("Information 5011 Transparent huge pages not asked for: /proc/self/mem could not be read", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Renew_MappingsUnreadable_StopsAskingAndThrowsNothing()
    {
        SkipUnlessTheKernelHasThem();
        var maps = _temp.Write("maps", File.ReadAllText("/proc/self/maps"));
        using var advice = Advice("always [madvise] never", mapsFile: maps).Begin();
        File.Delete(maps);
        GC.Collect();

        // A timer's callback that throws ends the process; the run must go on.
        _time.Advance(new HugePageOptions().RenewEvery);
        _time.Advance(new HugePageOptions().RenewEvery);

        Assert.Equal(2, _log.Lines.Count);
        Assert.StartsWith($"Information 5011 Transparent huge pages not asked for: {maps} could not be read", _log.Lines.ElementAt(1), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _log.Dispose();
    }

    private static void SkipUnlessTheKernelHasThem() =>
        Assert.SkipUnless(
            OperatingSystem.IsLinux() && Directory.Exists("/sys/kernel/mm/transparent_hugepage"),
            "transparent huge pages and /proc/self/smaps are Linux's, and a kernel built without them refuses the advice");

    // MADV_NOHUGEPAGE.
    private const int NoHugePage = 15;

    private HugePageAdvice Advice(string? mode, bool enabled = true, bool modeFileItself = false, string mapsFile = "/proc/self/maps")
    {
        var modeFile = modeFileItself ? mode! : mode is null ? _temp.File("absent") : _temp.Write("enabled", mode + "\n");
        return new HugePageAdvice(Options.Create(new HugePageOptions { Enabled = enabled }), _time, new Logger<HugePageAdvice>(new OneProvider(_log)), modeFile, mapsFile);
    }

    private sealed class OneProvider(ILoggerProvider provider) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider another) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    private static ulong AddressOf(long[] array)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            return (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

    private static (ulong Start, ulong Length) MappingAt(long[] array)
    {
        var address = AddressOf(array);
        var mapping = File.ReadLines("/proc/self/maps").Select(ProcessMapping.Parse).OfType<ProcessMapping>().Single(m => m.Start <= address && address < m.End);
        return (mapping.Start, mapping.Length);
    }

    /// <summary>The VmFlags of the smaps entry holding the array, one flag a string.</summary>
    private static string[] FlagsAt(long[] array)
    {
        var address = AddressOf(array);
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (ProcessMapping.Parse(line) is { } mapping)
            {
                inside = mapping.Start <= address && address < mapping.End;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no smaps entry holds {address:x}"));
    }
}

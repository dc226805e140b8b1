using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Linkage.Memory;

/// <summary>
/// Asks Linux to back the managed heap with transparent huge pages while a run lasts. .NET has no setting for it (its
/// large pages need a hard heap limit and pages set aside in hugetlbfs), and where the kernel's mode is "madvise", as
/// Debian's and Ubuntu's default is, memory gets 2 MiB pages only when asked for. A run at 1M x 3M records touches some
/// 4 GB for the first time: in 4 KiB pages that is a million page faults, a fifth of its CPU time on a virtual machine,
/// and its scans over a heap in small pages miss the address-translation cache besides.
/// </summary>
public sealed class HugePageAdvice
{
    private const string KernelModeFile = "/sys/kernel/mm/transparent_hugepage/enabled";
    private const string MappingsFile = "/proc/self/maps";
    private readonly HugePageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HugePageAdvice> _logger;
    private readonly string _modeFile;
    private readonly string _mapsFile;

    public HugePageAdvice(IOptions<HugePageOptions> options, TimeProvider timeProvider, ILogger<HugePageAdvice> logger)
        : this(options, timeProvider, logger, KernelModeFile, MappingsFile)
    {
    }

    internal HugePageAdvice(IOptions<HugePageOptions> options, TimeProvider timeProvider, ILogger<HugePageAdvice> logger, string modeFile, string mapsFile)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _modeFile = modeFile;
        _mapsFile = mapsFile;
    }

    /// <summary>Asks now and again after collections until disposed; says in the log what it did, or why it did nothing.</summary>
    public IDisposable Begin()
    {
        if (Unavailable(out var reserved) is { } reason)
        {
            Log.HugePagesNotAdvised(_logger, reason);
            return Advised.None;
        }

        var advised = new Advised(this, reserved);
        if (!advised.Renew(force: true))
        {
            return Advised.None;
        }

        // A small heap (a test's, a small run's) reads 0.3 GiB, not 0 GiB.
        Log.HugePagesAdvised(_logger, (advised.Range.End - advised.Range.Start) / (double)(1L << 30));
        advised.Start(_timeProvider, _options.RenewEvery);
        return advised;
    }

    /// <summary>Null when advice can be given, with the size of the GC's reserved range; otherwise why not, in words for the log.</summary>
    private string? Unavailable(out ulong reserved)
    {
        reserved = 0;
        if (!_options.Enabled)
        {
            return "switched off in the settings";
        }

        if (!OperatingSystem.IsLinux())
        {
            return "they are asked for on Linux only";
        }

        if (RegionRange() is not { } bytes)
        {
            return "the GC does not reserve its heap as one range of regions";
        }

        reserved = bytes;

        // "always [madvise] never": the mode in force is the one in brackets.
        string modes;
        try
        {
            modes = File.Exists(_modeFile) ? File.ReadAllText(_modeFile) : string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A sandbox may deny it; the run goes on without the advice.
            return Unreadable(_modeFile, e);
        }

        var open = modes.IndexOf('[', StringComparison.Ordinal);
        var close = modes.IndexOf(']', StringComparison.Ordinal);
        var mode = open >= 0 && close > open ? modes[(open + 1)..close] : null;
        return mode switch
        {
            "madvise" => null,
            "always" => "the kernel gives them to all memory already (mode always)",
            null => "this kernel has none",
            _ => $"the kernel's mode is {mode}",
        };
    }

    private static string Unreadable(string path, Exception e) => $"{path} could not be read ({e.GetType().Name})";

    private static ulong? RegionRange() =>
        GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value) && Convert.ToUInt64(value, CultureInfo.InvariantCulture) is > 0 and var bytes
            ? bytes
            : null;

    /// <summary>The heap's range now: found from where a new object lies, since the GC says how large its range is but not where.</summary>
    private (ulong Start, ulong End)? HeapRange(ulong reservedBytes)
    {
        var probe = new byte[1];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        ulong address;
        try
        {
            address = (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }

        var mappings = File.ReadLines(_mapsFile).Select(ProcessMapping.Parse).OfType<ProcessMapping>().ToList();
        return ManagedHeapRange.Find(mappings, address, reservedBytes);
    }

    /// <summary>Advice in force: renewed when the GC has collected since, as a collection may have given regions back.</summary>
    private sealed class Advised(HugePageAdvice owner, ulong reservedBytes) : IDisposable
    {
        public static readonly IDisposable None = new NoAdvice();

        private ITimer? _timer;
        private int _collections = -1;
        private int _renewing;

        public (ulong Start, ulong End) Range { get; private set; }

        public void Start(TimeProvider timeProvider, TimeSpan every) =>
            _timer = timeProvider.CreateTimer(_ => Renew(force: false), null, every, every);

        /// <summary>False, with a warning logged and renewals stopped, when the kernel refuses.</summary>
        public bool Renew(bool force)
        {
            // A renewal slower than the timer's period must not run beside the next one.
            if (Interlocked.Exchange(ref _renewing, 1) == 1)
            {
                return true;
            }

            try
            {
                var collections = GC.CollectionCount(0);
                if (!force && collections == _collections)
                {
                    return true;
                }

                _collections = collections;
                if (owner.HeapRange(reservedBytes) is not { } range)
                {
                    return Stop("the heap was not found among the process's mappings");
                }

                Range = range;
                if (Libc.Madvise((nint)range.Start, (nuint)(range.End - range.Start), Libc.HugePage) != 0)
                {
                    Log.HugePagesRefused(owner._logger, Marshal.GetLastPInvokeError());
                    _timer?.Dispose();
                    return false;
                }

                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Thrown from the timer's callback it would end the process; the run goes on without the advice.
                return Stop(Unreadable(owner._mapsFile, e));
            }
            finally
            {
                Volatile.Write(ref _renewing, 0);
            }
        }

        public void Dispose() => _timer?.Dispose();

        private bool Stop(string reason)
        {
            Log.HugePagesNotAdvised(owner._logger, reason);
            _timer?.Dispose();
            return false;
        }

        private sealed class NoAdvice : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}

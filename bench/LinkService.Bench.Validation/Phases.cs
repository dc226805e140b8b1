using System.Diagnostics;
using LinkService.Configuration.Sources;
using LinkService.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinkService.Bench.Validation;

internal sealed record PhaseResult(long Bytes, double Seconds, long PeakWorkingSetBytes, long Rows, string Outcome, long Errors)
{
    public double MegabytesPerSecond => Bytes / (double)(1 << 20) / Seconds;
}

/// <summary>The two measured phases: CsvHelper alone, and the full check. Each gets its own memory sampler.</summary>
internal sealed class Phases(SourceDefinition source)
{
    private readonly ExtractValidator _validator =
        new ExtractValidator(TimeProvider.System, NullLogger<ExtractValidator>.Instance, Options.Create(new ValidationOptions()));

    /// <summary>Runs both on a small file first so that neither is measured while the JIT is still tiering up.</summary>
    public void WarmUp(string path)
    {
        for (var i = 0; i < 3; i++)
        {
            Validation.BareParse.Run(source, path);
            _validator.ValidateAsync(source, path, ValidationOutputs.None, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public PhaseResult BareParse(string path)
    {
        Settle();
        using var sampler = new MemorySampler();
        var sw = Stopwatch.StartNew();
        var (rows, _) = Validation.BareParse.Run(source, path);
        var seconds = sw.Elapsed.TotalSeconds;
        return new PhaseResult(new FileInfo(path).Length, seconds, sampler.PeakBytes, rows - 1, "parsed", 0);
    }

    public async Task<PhaseResult> ValidateAsync(string path)
    {
        Settle();
        using var sampler = new MemorySampler();
        var sw = Stopwatch.StartNew();
        var report = await _validator.ValidateAsync(source, path, ValidationOutputs.None, CancellationToken.None);
        var seconds = sw.Elapsed.TotalSeconds;
        return new PhaseResult(report.Bytes, seconds, sampler.PeakBytes, report.RowsRead, report.Outcome.ToString(), report.ErrorCount);
    }

    /// <summary>Starts each phase from a collected heap, memory returned to the system, so peaks are each phase's own.</summary>
    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}

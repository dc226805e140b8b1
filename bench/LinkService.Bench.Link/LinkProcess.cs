using System.Diagnostics;
using System.Globalization;

namespace LinkService.Bench.Link;

/// <summary>
/// What one `linkservice link` process took: wall time, CPU time and peak resident memory (VmHWM), sampled from /proc
/// while it ran, and its CPU time so far at each sample (<see cref="CpuAt"/>), to tell each stage's CPU from its log.
/// </summary>
internal sealed record LinkProcess(int ExitCode, TimeSpan Wall, TimeSpan Cpu, long PeakBytes, string Output, IReadOnlyList<(DateTimeOffset At, TimeSpan Cpu)> Samples)
{
    /// <summary>The process's CPU time at the last sample taken by <paramref name="at"/>.</summary>
    public TimeSpan CpuAt(DateTimeOffset at) => Samples.LastOrDefault(s => s.At <= at).Cpu;

    /// <param name="executable">An installed `linkservice` (a publish folder's); null runs this build's through `dotnet`.</param>
    public static async Task<LinkProcess> RunAsync(string configDirectory, string project, string? executable, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(executable, ["link", "--project", project, "--config", configDirectory]);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        var cpu = TimeSpan.Zero;
        var samples = new List<(DateTimeOffset, TimeSpan)>();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!process.HasExited)
        {
            (peak, cpu) = Sample(process.Id, peak, cpu);
            samples.Add((TimeProvider.System.GetUtcNow(), cpu));
            await tick.WaitForNextTickAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        return new LinkProcess(process.ExitCode, clock.Elapsed, cpu, peak, await output + await error, samples);
    }

    /// <summary>The run's id, as `linkservice link` prints it ("run ID").</summary>
    public string? RunId => Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("run ", StringComparison.Ordinal))?[4..];

    /// <summary>
    /// Approves a run held for approval (`linkservice approve`), as a custodian does: the project's next run carries its
    /// person pseudonyms forward, as a site's monthly rerun does. Not timed.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> ApproveAsync(string configDirectory, string project, string runId, string? executable, CancellationToken cancellationToken)
    {
        using var process = Start(executable, ["approve", "--project", project, "--run", runId, "--config", configDirectory]);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <param name="executable">An installed `linkservice`; null runs this build's through `dotnet`.</param>
    private static Process Start(string? executable, string[] command)
    {
        var start = new ProcessStartInfo(executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in executable is null ? [Path.Combine(AppContext.BaseDirectory, "linkservice.dll"), .. command] : command)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>The process's peak resident set (it only grows) and CPU time so far; the last sample before it exits stands.</summary>
    private static (long Peak, TimeSpan Cpu) Sample(int pid, long peak, TimeSpan cpu)
    {
        try
        {
            // "VmHWM:\t    1952 kB": the kilobytes are right-aligned in eight places after a tab, so from 10,000,000 kB (9.5 GiB)
            // no space stands between the tab and the number.
            const string Label = "VmHWM:";
            var hwm = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(Label, StringComparison.Ordinal));
            if (hwm is not null)
            {
                var kilobytes = hwm[Label.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0];
                peak = Math.Max(peak, long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024);
            }

            // Fields 14 and 15 of stat (after the parenthesised name) are user and system time in clock ticks (100 a second on Linux).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            cpu = TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException)
        {
            // It exited between the check and the read.
        }

        return (peak, cpu);
    }
}

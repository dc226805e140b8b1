using System.Diagnostics;
using LinkService.Ledger.Runs;

namespace LinkService.Status;

/// <summary>
/// Whether a run's owner is still running, where this machine can tell: a process on this host either exists or not; one
/// on another host is unknown. A run whose owner was killed stays "running" in the ledger until its lease runs out, and
/// status should say why nothing moves.
/// </summary>
internal static class OwnerProcess
{
    /// <summary>False when <paramref name="owner"/> is on this host and no process has its id; null when it is on another host.</summary>
    public static bool? IsRunning(RunOwner owner)
    {
        if (!string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

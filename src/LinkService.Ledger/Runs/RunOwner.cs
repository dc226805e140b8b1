using System.Globalization;

namespace LinkService.Ledger.Runs;

/// <summary>
/// Who holds a running run: the process on a host. A run's owner alone renews its lease; nobody else may touch
/// the run until the lease has expired. Two processes sharing a ledger (a service and a <c>link</c> command, or
/// two nodes on one PostgreSQL) never share an owner, since a host name and a process id name one live process.
/// </summary>
public sealed record RunOwner(string Host, int ProcessId)
{
    /// <summary>This process.</summary>
    public static RunOwner Current { get; } = new(Environment.MachineName, Environment.ProcessId);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} on host {Host}");
}

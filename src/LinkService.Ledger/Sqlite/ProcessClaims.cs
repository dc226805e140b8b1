using System.Collections.Concurrent;

namespace LinkService.Ledger.Sqlite;

/// <summary>
/// Claims on a SQLite ledger, held in this process by database and key. A SQLite site runs one service (its site lock),
/// so a claim never meets another process's; ledgers opened twice in one process (tests, a command beside the service)
/// share these.
/// </summary>
internal static class ProcessClaims
{
    private static readonly ConcurrentDictionary<(string Database, string Key), byte> Held = new();

    public static IAsyncDisposable? TryClaim(string database, string key) =>
        Held.TryAdd((database, key), 0) ? new Claim((database, key)) : null;

    private sealed class Claim((string, string) held) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Held.TryRemove(held, out _);
            }

            return ValueTask.CompletedTask;
        }
    }
}

using System.Collections.Concurrent;

namespace LinkService.Ledger.Sqlite;

internal sealed partial class SqliteLedger
{
    /// <summary>
    /// Claims held in this process, by database (its connection string), source and name. A SQLite site has one service (its site lock), so
    /// intake never meets another process's claim; ledgers opened twice in one process (tests, a command beside the
    /// service) share these.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Database, string Source, string Name), byte> Claims = new();

    public Task<IAsyncDisposable?> TryClaimDropFileAsync(string source, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = (_connectionString, source, name);
        return Task.FromResult<IAsyncDisposable?>(Claims.TryAdd(key, 0) ? new Claim(key) : null);
    }

    private sealed class Claim((string, string, string) key) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Claims.TryRemove(key, out _);
            }

            return ValueTask.CompletedTask;
        }
    }
}

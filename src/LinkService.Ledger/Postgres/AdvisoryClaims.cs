using System.Data;
using Npgsql;

namespace LinkService.Ledger.Postgres;

/// <summary>
/// Claims on a PostgreSQL ledger: a session advisory lock on a connection of the claim's own, held open until the claim
/// is disposed. A node that dies loses its connection, and the server releases the lock with the session, so its claims
/// pass to the other nodes without waiting for any lease. The key is hashed into the lock's 64 bits: two keys sharing a
/// hash only wait for each other.
/// </summary>
internal static class AdvisoryClaims
{
    public static async Task<IAsyncDisposable?> TryClaimAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@key, 0));", connection);
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Claim(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Claim(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Unlocked before the connection goes back to the pool, where the session (and its lock) lives on.
                if (connection.State == ConnectionState.Open)
                {
                    await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@key, 0));", connection);
                    release.Parameters.AddWithValue("key", key);
                    await release.ExecuteNonQueryAsync(CancellationToken.None);
                }
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}

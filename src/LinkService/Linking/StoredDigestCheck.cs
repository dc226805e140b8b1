using System.Globalization;
using LinkService.Deliveries.SetAside;
using LinkService.Deliveries.Store;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

/// <summary>
/// A stored delivery's bytes must still be the ones intake hashed: a store copy with rows added, removed or changed
/// since fails the run, rather than being linked as if the department had sent it. A run's reading checks the digest
/// as it reads (<see cref="Deliveries.AcceptedRows"/>, given <see cref="StoredDigest"/>); <c>status</c> hashes every
/// copy here, and a run checks its set-aside rows here before it reads.
/// </summary>
internal static class StoredDigestCheck
{
    /// <summary>
    /// Throws <see cref="StoredDeliveryAlteredException"/> unless the set-aside rows beside the copy number what the
    /// ledger recorded, under its audit chain, when the delivery was checked: a file that lost or gained rows would have
    /// the run link rows validation rejected, or drop rows it accepted.
    /// </summary>
    public static void VerifySetAside(Delivery delivery, SetAsideRows setAside, ILogger logger)
    {
        var recorded = delivery.SetAsideRows ?? 0;
        if (setAside.Count != recorded)
        {
            var counts = string.Create(CultureInfo.InvariantCulture, $"{setAside.Count}, but {recorded} were set aside when it was checked: the file was altered in the store");
            var problem = "has set-aside rows beside it numbering " + counts;
            Log.StoredDeliveryAltered(logger, delivery.Id, delivery.Source, problem);
            throw new StoredDeliveryAlteredException($"the set-aside rows of delivery {delivery.Id} (source '{delivery.Source}') number {counts}");
        }
    }

    /// <summary>What is wrong with the delivery's stored copy, completing "the stored copy of delivery X ..."; null when it is intact.</summary>
    public static async Task<string?> ProblemAsync(Delivery delivery, string storedFile, CancellationToken cancellationToken)
    {
        try
        {
            // Read to the end rather than asking for the length, which not every file has (a pipe).
            await using var stream = new FileStream(storedFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            using var hash = StoredDigest.NewHash();
            var buffer = new byte[1 << 20];
            long bytes = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                bytes += read;
            }

            return new StoredDigest(delivery.Bytes, delivery.Sha256).ProblemWith(bytes, hash.GetHashAndReset());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return StoredDigest.Missing;
        }
    }
}

/// <summary>A stored delivery's bytes are not the ones recorded at intake; the message names the delivery, never its content.</summary>
internal sealed class StoredDeliveryAlteredException(string message) : Exception(message);

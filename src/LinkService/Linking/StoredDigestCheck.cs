using System.Globalization;
using System.Security.Cryptography;
using LinkService.Deliveries.SetAside;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.Logging;

namespace LinkService.Linking;

/// <summary>
/// Before a run reads a stored delivery, its bytes must still be the ones intake hashed: a store copy with rows
/// added, removed or changed since fails the run, rather than being linked as if the department had sent it.
/// A separate step, so that whichever reader opens the file afterwards needs no part in it.
/// </summary>
internal static class StoredDigestCheck
{
    /// <summary>Throws <see cref="StoredDeliveryAlteredException"/> unless the copy at <paramref name="storedFile"/> has the delivery's recorded digest.</summary>
    public static async Task VerifyAsync(Delivery delivery, string storedFile, ILogger logger, CancellationToken cancellationToken)
    {
        if (await ProblemAsync(delivery, storedFile, cancellationToken) is { } problem)
        {
            Log.StoredDeliveryAltered(logger, delivery.Id, delivery.Source, problem);
            throw new StoredDeliveryAlteredException($"the stored copy of delivery {delivery.Id} (source '{delivery.Source}') {problem}");
        }
    }

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
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            long bytes = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                bytes += read;
            }

            if (bytes != delivery.Bytes)
            {
                return "does not have the size recorded when it was taken: it was altered in the store";
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset()) == delivery.Sha256
                ? null
                : "does not match the SHA-256 recorded when it was taken: it was altered in the store";
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return "is missing from the store";
        }
    }
}

/// <summary>A stored delivery's bytes are not the ones recorded at intake; the message names the delivery, never its content.</summary>
internal sealed class StoredDeliveryAlteredException(string message) : Exception(message);

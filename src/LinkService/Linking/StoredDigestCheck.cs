using System.Security.Cryptography;
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
    public static async Task VerifyAsync(Delivery delivery, string storedFile, ILogger logger, CancellationToken cancellationToken)
    {
        string actual;
        await using (var stream = new FileStream(storedFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        if (actual != delivery.Sha256)
        {
            Log.StoredDeliveryAltered(logger, delivery.Id, delivery.Source);
            throw new StoredDeliveryAlteredException(
                $"the stored copy of delivery {delivery.Id} (source '{delivery.Source}') does not match the SHA-256 recorded when it was taken: it was altered in the store");
        }
    }
}

/// <summary>A stored delivery's bytes are not the ones recorded at intake; the message names the delivery, never its content.</summary>
internal sealed class StoredDeliveryAlteredException(string message) : Exception(message);

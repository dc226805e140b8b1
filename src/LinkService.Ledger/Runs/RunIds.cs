using System.Globalization;
using System.Security.Cryptography;

namespace LinkService.Ledger.Runs;

/// <summary>Run and delivery ids: the UTC time to the second, then random hex, so they sort by time and never collide.</summary>
public static class RunIds
{
    public static string Create(TimeProvider timeProvider) => NewId(timeProvider, 4);

    internal static string NewId(TimeProvider timeProvider, int randomBytes) =>
        timeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
        + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(randomBytes));
}

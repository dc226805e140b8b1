using System.Globalization;
using LinkService.Configuration.Folders;
using LinkService.Ledger;
using LinkService.Ledger.Audit;

namespace LinkService.Audit;

/// <summary>What a site already holds: a brand-new site has an empty ledger, an empty store and no anchor.</summary>
internal static class SiteData
{
    /// <summary>What the site holds that the master key vouches for, in words; null for a brand-new site.</summary>
    public static async Task<string?> DescribeAsync(ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        if (await ledger.GetAuditHeadAsync(cancellationToken) is { } head)
        {
            return string.Create(inv, $"the ledger has {head.Sequence} audit rows");
        }

        if (StoreFileCount(paths) is > 0 and var files)
        {
            return string.Create(inv, $"the store holds {files} files");
        }

        var anchor = new AuditAnchorFile(paths.AuditAnchorFile).Read();
        return anchor.Highest is not null || anchor.Problem is not null ? $"the anchor file {paths.AuditAnchorFile} records a ledger" : null;
    }

    public static int StoreFileCount(ServicePaths paths) =>
        Directory.Exists(paths.StoreRoot) ? Directory.EnumerateFiles(paths.StoreRoot, "*", SearchOption.AllDirectories).Count() : 0;
}

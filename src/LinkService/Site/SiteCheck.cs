using LinkService.Audit;
using LinkService.Configuration.Folders;

namespace LinkService.Site;

/// <summary>
/// Whether a site is where the configuration says: the work folder, holding the ledger the service created at its
/// first start. Commands that read the site check first, so that one run from the wrong folder (relative folders
/// resolve against the working directory) says so, instead of creating an empty site there and reporting on it.
/// </summary>
internal static class SiteCheck
{
    /// <summary>Why there is no site at <paramref name="paths"/>, or null if there is one.</summary>
    public static string? Problem(ServicePaths paths)
    {
        if (!Directory.Exists(paths.WorkRoot))
        {
            return $"There is no LinkService site here: the work folder {paths.WorkRoot} does not exist. Run linkservice in the site's folder "
                + "(relative folders in the configuration resolve against the working directory), or pass --config with the site's configuration.";
        }

        // A store or an anchor without a ledger is a site whose ledger was deleted, not a new one: the ledger's check says so.
        return File.Exists(paths.LedgerFile) || File.Exists(paths.AuditAnchorFile) || SiteData.StoreFileCount(paths) > 0
            ? null
            : $"There is no LinkService site at {paths.WorkRoot} yet: it holds no ledger ({Path.GetFileName(paths.LedgerFile)}), which the service creates when it first starts.";
    }
}

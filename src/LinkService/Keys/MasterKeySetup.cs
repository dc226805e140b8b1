using LinkService.Audit;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Keys;
using LinkService.Folders;
using LinkService.Ledger;

namespace LinkService.Keys;

/// <summary>What became of the master key when the site was prepared: usable (and whether it was just made), or why not.</summary>
internal sealed record MasterKeyReadiness(bool Created, string? Problem);

/// <summary>
/// The master key's lifecycle. A brand-new site (empty ledger and store, no anchor) gets a key the first time
/// <c>run</c> or <c>keys init</c> asks; a site that holds data but no key refuses, since a new key would leave
/// the audit chain unverifiable and change every pseudonym: the key must come back from its backup.
/// </summary>
internal static class MasterKeySetup
{
    public static async Task<MasterKeyReadiness> PrepareAsync(ServicePaths paths, ILedger ledger, CancellationToken cancellationToken)
    {
        // The work folder itself is checked with the configuration; a keys folder inside it that is a link would
        // still carry the key wherever the link points.
        var keysFolder = PhysicalPath.Resolve(paths.KeysFolder);
        if (!PhysicalPath.IsWithin(keysFolder, PhysicalPath.Resolve(paths.WorkRoot)))
        {
            return new MasterKeyReadiness(false, $"{paths.KeysFolder} leads outside the work folder (to {keysFolder}); remove the link");
        }

        var path = paths.MasterKeyFile;
        if (!File.Exists(path))
        {
            if (await SiteData.DescribeAsync(paths, ledger, cancellationToken) is { } holds)
            {
                return new MasterKeyReadiness(false, $"there is no master key at {path}, but {holds}: restore the key from its backup. A new key would leave the audit chain unverifiable and change every pseudonym");
            }

            FolderBootstrapper.CreatePrivate(paths.KeysFolder);
            var created = MasterKeyFile.TryCreate(path);
            return new MasterKeyReadiness(created, Usable(path));
        }

        return new MasterKeyReadiness(false, Usable(path));
    }

    private static string? Usable(string path)
    {
        try
        {
            MasterKeyFile.Read(path);
            return null;
        }
        catch (MasterKeyUnavailableException ex)
        {
            return ex.Message;
        }
    }
}

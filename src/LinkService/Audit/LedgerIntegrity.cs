using System.Globalization;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Keys;
using LinkService.Ledger;
using LinkService.Ledger.Audit;

namespace LinkService.Audit;

/// <summary>
/// Whether the ledger tells the truth: its chain, anchor and tables (<see cref="ILedger.VerifyAuditChainAsync"/>),
/// and that an empty ledger does not sit beside a store full of deliveries it should record. Checked at start,
/// by <c>status</c>, and before every linkage run.
/// </summary>
internal sealed class LedgerIntegrity
{
    private readonly ILedger _ledger;
    private readonly ServicePaths _paths;

    public LedgerIntegrity(ILedger ledger, ServicePaths paths)
    {
        _ledger = ledger;
        _paths = paths;
    }

    public async Task<AuditVerification> CheckAsync(CancellationToken cancellationToken)
    {
        AuditVerification verification;
        try
        {
            verification = await _ledger.VerifyAuditChainAsync(cancellationToken);
        }
        catch (MasterKeyUnavailableException ex)
        {
            return AuditVerification.Broken($"it cannot be checked: {ex.Message}");
        }

        if (verification.IsIntact && verification.RowsChecked == 0 && SiteData.StoreFileCount(_paths) is > 0 and var files)
        {
            return AuditVerification.Broken(string.Create(CultureInfo.InvariantCulture, $"the ledger has no audit rows but the store holds {files} files (the ledger was deleted or replaced)"));
        }

        return verification;
    }
}

using LinkService.Ledger.Audit;
using LinkService.Ledger.Deliveries;
using LinkService.Ledger.Retention;
using LinkService.Ledger.Runs;
using LinkService.Ledger.Status;

namespace LinkService.Ledger;

/// <summary>
/// The service's memory: every delivery and linkage run with its state, and an append-only audit of every
/// change, chained by HMACs under a key derived from the master key and anchored outside the database. SQLite in a single-server install; the cluster mode puts
/// the same tables in PostgreSQL behind this same interface.
/// </summary>
public interface ILedger
{
    /// <summary>
    /// Claims a drop file for this process until the claim is disposed or the process dies, so that nodes sharing an
    /// inbox never both take it: intake holds it from recording the file (or resuming its delivery) until it is done
    /// with it for now. Null if another process holds it: leave the file and its delivery alone. A claim says nothing
    /// about what became of the file before: whoever wins it reads the ledger and the folder again.
    /// </summary>
    Task<IAsyncDisposable?> TryClaimDropFileAsync(string source, string name, CancellationToken cancellationToken);

    /// <summary>Records a file taken from a drop folder, before it is copied; assigns its delivery id.</summary>
    Task<Delivery> RecordReceivedAsync(NewDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Records the size and time a received delivery's drop file has when it is taken again after it changed (a copy
    /// that was interrupted, or found the file still growing): the original is removed later only if it is still that file.
    /// </summary>
    Task<Delivery> RecordRetakenAsync(string deliveryId, long dropBytes, DateTimeOffset dropModified, CancellationToken cancellationToken);

    /// <summary>Records that the delivery's complete copy is in the store, with its digest and size.</summary>
    Task<Delivery> MarkStoredAsync(string deliveryId, StoredFile stored, CancellationToken cancellationToken);

    /// <summary>Records the delivery's final state: accepted, rejected, duplicate or refused.</summary>
    Task<Delivery> RecordOutcomeAsync(string deliveryId, DeliveryOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Records that every file of the delivery is where its state says and its receipts are written.</summary>
    Task<Delivery> MarkSettledAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// Records the custodian's decision on a held delivery: released, it is accepted; rejected, it is rejected and unsettled
    /// until its stored copy is in quarantine (<see cref="MarkSettledAsync"/>). Throws unless the delivery is held (or
    /// already so decided: repeating a decision changes nothing).
    /// </summary>
    Task<Delivery> DecideHeldAsync(string deliveryId, HeldDecision decision, CancellationToken cancellationToken);

    Task<Delivery?> GetDeliveryAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>The earliest other delivery of the source with the same content that was stored or accepted (not rejected), if any.</summary>
    Task<Delivery?> FindDuplicateAsync(string source, string sha256, string excludingDeliveryId, CancellationToken cancellationToken);

    /// <summary>Deliveries whose handling has not finished: what a restart must resume.</summary>
    Task<IReadOnlyList<Delivery>> GetUnsettledDeliveriesAsync(CancellationToken cancellationToken);

    /// <summary>A source's accepted deliveries whose stored copy retention has not deleted, newest first.</summary>
    Task<IReadOnlyList<Delivery>> GetAcceptedDeliveriesAsync(string source, int limit, CancellationToken cancellationToken);

    /// <summary>Deliveries newest first, of one source or of all when <paramref name="source"/> is null.</summary>
    Task<IReadOnlyList<Delivery>> GetRecentDeliveriesAsync(string? source, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a run under its owner's lease, unless another run of the project is running under a live lease
    /// (then refused, naming that run); an abandoned running run of the project is taken over first (see <see cref="RunClaims"/>).
    /// </summary>
    Task<RunStartResult> StartRunAsync(RunStart start, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of <paramref name="owner"/>'s running run by <see cref="LeaseTerms.Duration"/> from now; false if the
    /// run is no longer running under that owner (it finished, or was taken over after its lease expired).
    /// </summary>
    Task<bool> RenewLeaseAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>
    /// Records a running run as failed if it was abandoned while linking (its lease expired, or it has none); returns it
    /// then, or null if it is not (its owner renewed it meanwhile, it finished, or it had linked: it is to be resumed).
    /// </summary>
    Task<LinkageRun?> TakeOverAsync(string runId, CancellationToken cancellationToken);

    Task<LinkageRun> CompleteRunAsync(string runId, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken);

    /// <summary>Records a failed run; <paramref name="reason"/> names what failed, never a data value.</summary>
    Task<LinkageRun> FailRunAsync(string runId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="owner"/>'s running run has linked, with its figures; its outputs come next. (A project
    /// without outputs ends at linking: <see cref="CompleteRunAsync"/>.) Every stage write below follows
    /// <see cref="RunTransitions"/> and throws <see cref="RunStateException"/> where its rules do not allow it.
    /// </summary>
    Task<LinkageRun> RecordLinkedAsync(string runId, RunOwner owner, IReadOnlyDictionary<string, long> counts, CancellationToken cancellationToken);

    /// <summary>Records that the run's de-identified files are written.</summary>
    Task<LinkageRun> RecordAnonymisedAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>Records the disclosure check's verdict and findings; the output is packaged.</summary>
    Task<LinkageRun> RecordCheckedAsync(string runId, RunOwner owner, RunCheck check, CancellationToken cancellationToken);

    /// <summary>Holds a checked run for the custodian; it has no owner at work from then on.</summary>
    Task<LinkageRun> HoldRunAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>Approves a checked run whose every check passed, its project approving automatically.</summary>
    Task<LinkageRun> ApproveAutomaticallyAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>
    /// The custodian <paramref name="by"/> approves a held run: <paramref name="owner"/> takes it under a lease to publish it,
    /// unless another run of its project is running under a live lease (refused, naming that run).
    /// </summary>
    Task<RunStartResult> ApproveHeldAsync(string runId, RunOwner owner, string by, CancellationToken cancellationToken);

    /// <summary>Records that an approved run's output is whole in the export folder; the run is complete.</summary>
    Task<LinkageRun> RecordPublishedAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>The custodian <paramref name="by"/> rejects a held run's outputs, for <paramref name="reason"/>.</summary>
    Task<LinkageRun> RejectRunAsync(string runId, string by, string reason, CancellationToken cancellationToken);

    /// <summary>Takes over a run abandoned after it linked (<see cref="RunTransitions.IsResumable"/>) under <paramref name="owner"/>'s lease, to continue its pipeline.</summary>
    Task<LinkageRun> ResumeRunAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    /// <summary>Lets <paramref name="owner"/>'s lease on a running run expire now (a stop between stages), so that it is resumed without waiting for it.</summary>
    Task ReleaseLeaseAsync(string runId, RunOwner owner, CancellationToken cancellationToken);

    Task<LinkageRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first, of one project or of all when <paramref name="project"/> is null.</summary>
    Task<IReadOnlyList<LinkageRun>> GetRecentRunsAsync(string? project, int limit, CancellationToken cancellationToken);

    /// <summary>The project's most recently published run, whose person pseudonyms the next carry forward; null before the first.</summary>
    Task<LinkageRun?> GetLastPublishedRunAsync(string project, CancellationToken cancellationToken);

    /// <summary>Every run in <paramref name="state"/>, oldest first: at start, the runs a crash left running.</summary>
    Task<IReadOnlyList<LinkageRun>> GetRunsInStateAsync(RunState state, CancellationToken cancellationToken);

    /// <summary>For the <c>status</c> command: deliveries by state per source, and the most recent runs.</summary>
    Task<LedgerStatus> GetStatusAsync(int recentRuns, CancellationToken cancellationToken);

    /// <summary>
    /// Records, before its files go, that retention deletes <see cref="RetentionDeletion.Item"/> of a delivery or run, with an
    /// audit row; from then on no check expects it. Recording it again returns the first record. Refused (nothing written)
    /// where <see cref="RetentionGuard"/> says something still needs it.
    /// </summary>
    Task<DeletionResult> RecordDeletionAsync(RetentionDeletion deletion, CancellationToken cancellationToken);

    /// <summary>Every deletion retention recorded, oldest first.</summary>
    Task<IReadOnlyList<RecordedDeletion>> GetDeletionsAsync(CancellationToken cancellationToken);

    /// <summary>The audit rows about one delivery or run, oldest first: its state changes.</summary>
    Task<IReadOnlyList<AuditEntry>> GetHistoryAsync(string entityId, CancellationToken cancellationToken);

    /// <summary>The last audit row, or null if there is none. Needs no key.</summary>
    Task<AuditEntry?> GetAuditHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks every audit row's MAC and link, the chain's end against the anchor file (a tail cut, a ledger replaced or
    /// deleted), and the tables against the replayed chain; reports the first problem. Throws
    /// <c>MasterKeyUnavailableException</c> if there are rows but no usable master key.
    /// </summary>
    Task<AuditVerification> VerifyAuditChainAsync(CancellationToken cancellationToken);
}

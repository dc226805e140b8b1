namespace LinkService.Configuration.Folders;

/// <summary>
/// Every path the service uses, derived from the three roots so that no part invents its own.
/// </summary>
public sealed class ServicePaths
{
    public ServicePaths(FolderOptions folders, string workingDirectory)
    {
        DropRoot = Path.GetFullPath(folders.Drop, workingDirectory);
        WorkRoot = Path.GetFullPath(folders.Work, workingDirectory);
        ExportRoot = Path.GetFullPath(folders.Export, workingDirectory);
    }

    public string DropRoot { get; }

    public string WorkRoot { get; }

    public string ExportRoot { get; }

    public string LedgerFile => Path.Combine(WorkRoot, "ledger.db");

    /// <summary>
    /// Append-only: the audit chain's head (sequence and MAC) after every write, outside the database, so that a
    /// ledger cut short, replaced or deleted can be told from an intact one.
    /// </summary>
    public string AuditAnchorFile => Path.Combine(WorkRoot, "ledger.anchor");

    /// <summary>Held locked by the one service of the site for as long as it runs.</summary>
    public string ServiceLockFile => Path.Combine(WorkRoot, "service.lock");

    /// <summary>The process id of the service holding <see cref="ServiceLockFile"/>, so that a second one can name it.</summary>
    public string ServicePidFile => Path.Combine(WorkRoot, "service.pid");

    /// <summary>In cluster mode, held locked by the one service of node <paramref name="node"/>: nodes share the work folder.</summary>
    public string NodeLockFile(string node) => Path.Combine(WorkRoot, "nodes", node + ".lock");

    /// <summary>The process id of the service holding <see cref="NodeLockFile"/>.</summary>
    public string NodePidFile(string node) => Path.Combine(WorkRoot, "nodes", node + ".pid");

    public string KeysFolder => Path.Combine(WorkRoot, "keys");

    public string MasterKeyFile => Path.Combine(KeysFolder, "master.key");

    public string StoreRoot => Path.Combine(WorkRoot, "store");

    public string QuarantineRoot => Path.Combine(WorkRoot, "quarantine");

    /// <summary>Where intake stages a file while it copies and hashes it, on the same volume as the store.</summary>
    public string StagingRoot => Path.Combine(WorkRoot, "staging");

    public string RunsRoot => Path.Combine(WorkRoot, "runs");

    /// <summary>What intake last saw waiting in the inboxes, and since when; written by the service, read by <c>status</c>.</summary>
    public string IntakeWaitingFile => Path.Combine(WorkRoot, "intake-waiting.json");

    /// <summary>
    /// A department's own folder, which sshd chroots its account into. It holds only <see cref="InboxFolder"/> and
    /// <see cref="OutboxFolder"/> and is not the department's to write (sshd requires a chroot root-owned), so the
    /// department can rename, replace or link neither of them.
    /// </summary>
    public string DropFolder(string source) => Path.Combine(DropRoot, source);

    /// <summary>Where the department uploads: its to write, and the service only reads, moves and deletes what arrives.</summary>
    public string InboxFolder(string source) => Path.Combine(DropFolder(source), "inbox");

    /// <summary>What the service publishes to the department (receipts, the source's contract): the service's; the department only reads.</summary>
    public string OutboxFolder(string source) => Path.Combine(DropFolder(source), "outbox");

    /// <summary>Receipts are published in the outbox, one <c>&lt;delivery&gt;.json</c> and <c>.txt</c> each.</summary>
    public string ReceiptsFolder(string source) => OutboxFolder(source);

    public string StoreFolder(string source) => Path.Combine(StoreRoot, source);

    public string QuarantineFolder(string source) => Path.Combine(QuarantineRoot, source);

    public string RunFolder(string project, string runId) => Path.Combine(RunsRoot, project, runId);

    /// <summary>
    /// A run's output as it is made, private like the rest of the run folder: the de-identified files, the disclosure
    /// report and the package. Publishing copies it whole to <see cref="ExportFolder"/>.
    /// </summary>
    public string RunOutputFolder(string project, string runId) => Path.Combine(RunFolder(project, runId), "output");

    /// <summary>A project's published outputs, one folder per run, for analysts.</summary>
    public string ExportProjectFolder(string project) => Path.Combine(ExportRoot, project);

    public string ExportFolder(string project, string runId) => Path.Combine(ExportProjectFolder(project), runId);

    /// <summary>
    /// Where a publish copies an output before renaming it into <see cref="ExportFolder"/>: on the export volume, so the
    /// rename is atomic, and a dot-folder closed to analysts, so nothing half-copied is ever in their view.
    /// </summary>
    public string PublishStagingRoot => Path.Combine(ExportRoot, ".staging");

    public string PublishStagingFolder(string project, string runId) => Path.Combine(PublishStagingRoot, project, runId);
}

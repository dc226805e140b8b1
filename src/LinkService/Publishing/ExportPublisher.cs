using LinkService.Configuration.Folders;

namespace LinkService.Publishing;

/// <summary>
/// Publishes a run's output atomically: copied into <see cref="ServicePaths.PublishStagingFolder"/> on the export volume,
/// every file and folder flushed to disk, then renamed to <see cref="ServicePaths.ExportFolder"/> in one step. Analysts
/// see nothing or the whole output: a crash or fault during the copy leaves only the staging copy, which the next
/// publish of the run, or the next start (<see cref="StagingCleanup"/>), removes.
/// </summary>
internal sealed class ExportPublisher
{
    private const int CopyBuffer = 1 << 20;
    private readonly ServicePaths _paths;

    public ExportPublisher(ServicePaths paths) => _paths = paths;

    /// <summary>
    /// Publishes the run's output folder; false if the run's export folder exists already, which a rename only ever
    /// makes whole (a publish interrupted after its rename, before the ledger recorded it): it is never published twice.
    /// </summary>
    public async Task<bool> PublishAsync(string project, string runId, CancellationToken cancellationToken)
    {
        var final = _paths.ExportFolder(project, runId);
        if (Directory.Exists(final))
        {
            return false;
        }

        var source = _paths.RunOutputFolder(project, runId);
        if (!Directory.Exists(source))
        {
            throw new IOException($"{source}: run {runId} has no output folder to publish");
        }

        var staging = _paths.PublishStagingFolder(project, runId);
        ExportPermissions.CreatePrivateFolder(Path.GetDirectoryName(staging)!);
        RemoveStaging(staging);
        try
        {
            await CopyTreeAsync(source, staging, cancellationToken);
            var projectFolder = _paths.ExportProjectFolder(project);
            ExportPermissions.CreateFolder(projectFolder);
            Directory.Move(staging, final);
            DirectorySync.Flush(projectFolder);
            DirectorySync.Flush(Path.GetDirectoryName(staging)!);
            return true;
        }
        catch
        {
            RemoveStaging(staging);
            throw;
        }
    }

    /// <summary>Removes a staging copy, if any (a copy that stopped half-way).</summary>
    public static void RemoveStaging(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task CopyTreeAsync(string from, string to, CancellationToken cancellationToken)
    {
        ExportPermissions.CreateFolder(to);
        foreach (var file in Directory.GetFiles(from).Order(StringComparer.Ordinal))
        {
            await CopyFileAsync(file, Path.Combine(to, Path.GetFileName(file)), cancellationToken);
        }

        foreach (var folder in Directory.GetDirectories(from).Order(StringComparer.Ordinal))
        {
            await CopyTreeAsync(folder, Path.Combine(to, Path.GetFileName(folder)), cancellationToken);
        }

        DirectorySync.Flush(to);
    }

    private static async Task CopyFileAsync(string from, string to, CancellationToken cancellationToken)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = ExportPermissions.File;
        }

        await using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, FileOptions.SequentialScan | FileOptions.Asynchronous))
        await using (var target = new FileStream(to, create))
        {
            await source.CopyToAsync(target, CopyBuffer, cancellationToken);
            target.Flush(flushToDisk: true);
        }

        ExportPermissions.SetFile(to);
    }
}

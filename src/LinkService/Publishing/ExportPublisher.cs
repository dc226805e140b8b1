using System.Security.Cryptography;
using System.Text.Json;
using LinkService.Configuration.Folders;
using LinkService.Outputs.Packaging;

namespace LinkService.Publishing;

/// <summary>
/// Publishes a run's output atomically: copied into <see cref="ServicePaths.PublishStagingFolder"/> on the export volume,
/// every file and folder flushed to disk, then renamed to <see cref="ServicePaths.ExportFolder"/> in one step. Analysts
/// see nothing or the whole output: a crash or fault during the copy leaves only the staging copy, which the next
/// publish of the run, or the next start (<see cref="StagingCleanup"/>), removes. Only what the package lists is
/// published, each file a regular file (never a link) whose bytes still have the size and sha256 the package gives: a
/// held output edited, added to or linked from elsewhere after its check is refused, not published.
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

        // The root first: made as a parent of the project's folder, it would take the export's mode, which analysts may list.
        ExportPermissions.CreatePrivateFolder(_paths.PublishStagingRoot);
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

    private const int MaxRemovalAttempts = 16;

    /// <summary>Removes a staging copy, if any (a copy that stopped half-way).</summary>
    public static void RemoveStaging(string staging)
    {
        // A node starting after a crash clears the leftovers while the node that took over the run may be clearing the
        // same copy before publishing it again: an entry the other removal took first stops this one part-way, so it
        // goes round again over what is left until the copy is gone.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(staging, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException) when (attempt < MaxRemovalAttempts)
            {
                if (!Directory.Exists(staging))
                {
                    return;
                }
            }
        }
    }

    private static async Task CopyTreeAsync(string from, string to, CancellationToken cancellationToken)
    {
        ExportPermissions.CreateFolder(to);
        var package = Path.Combine(from, OutputFiles.DataPackage);
        RefuseLink(package);
        var listed = await ListedFilesAsync(package, cancellationToken);
        var unlisted = Directory.EnumerateFileSystemEntries(from)
            .Select(Path.GetFileName)
            .Where(name => name != OutputFiles.DataPackage && !listed.Any(l => l.Path == name))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unlisted.Count > 0)
        {
            throw new IOException($"{from}: the held output holds {string.Join(", ", unlisted)}, which its {OutputFiles.DataPackage} does not list; it was changed after its check and is not published");
        }

        foreach (var (path, bytes, sha256) in listed)
        {
            var file = Path.Combine(from, path);
            RefuseLink(file);
            var (copied, hash) = await CopyFileAsync(file, Path.Combine(to, path), cancellationToken);
            if (copied != bytes || !string.Equals(hash, sha256, StringComparison.Ordinal))
            {
                throw new IOException($"{file}: its bytes are not those its {OutputFiles.DataPackage} lists; the held output was changed after its check and is not published");
            }
        }

        await CopyFileAsync(package, Path.Combine(to, OutputFiles.DataPackage), cancellationToken);
        DirectorySync.Flush(to);
    }

    /// <summary>The files the package lists: plain names in the output folder, with their size and sha256.</summary>
    private static async Task<List<(string Path, long Bytes, string Sha256)>> ListedFilesAsync(string package, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(package);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var listed = new List<(string, long, string)>();
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateArray())
        {
            var path = resource.GetProperty("path").GetString() ?? "";
            if (path.Length == 0 || path != Path.GetFileName(path) || path is "." or ".." || path == OutputFiles.DataPackage)
            {
                throw new IOException($"{package}: lists a resource path that is not a file of the output folder");
            }

            var hash = resource.GetProperty("hash").GetString() ?? "";
            listed.Add((path, resource.GetProperty("bytes").GetInt64(), hash.StartsWith("sha256:", StringComparison.Ordinal) ? hash["sha256:".Length..] : hash));
        }

        return listed;
    }

    private static void RefuseLink(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            throw new IOException($"{path}: not a regular file of the held output (missing, a folder or a link); it is not published");
        }
    }

    private static async Task<(long Bytes, string Sha256)> CopyFileAsync(string from, string to, CancellationToken cancellationToken)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = ExportPermissions.File;
        }

        long bytes = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBuffer, FileOptions.SequentialScan | FileOptions.Asynchronous))
        await using (var target = new FileStream(to, create))
        {
            var buffer = new byte[CopyBuffer];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }

            target.Flush(flushToDisk: true);
        }

        ExportPermissions.SetFile(to);
        return (bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

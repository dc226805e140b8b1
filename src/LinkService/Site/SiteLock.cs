using System.Globalization;
using LinkService.Configuration.Folders;

namespace LinkService.Site;

/// <summary>
/// One service per site: the service holds <see cref="ServicePaths.ServiceLockFile"/> open with no sharing for its
/// whole life (an exclusive <c>flock</c> on Linux, a share-mode lock on Windows), so a second service on the same work
/// folder cannot start, and the kernel releases the lock when the holder dies however it dies. The lock file is never
/// deleted: a lock on a deleted file could coexist with a lock on its successor. A locked file cannot be read by a
/// second .NET process on either system, so the holder writes its process id beside it, in
/// <see cref="ServicePaths.ServicePidFile"/>, for the second to name.
/// </summary>
internal sealed class SiteLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidFile;

    private SiteLock(FileStream @lock, string pidFile)
    {
        _lock = @lock;
        _pidFile = pidFile;
    }

    /// <summary>Takes the site for this process; null if another process holds it, whose id is then in <paramref name="holder"/> if known.</summary>
    public static SiteLock? TryAcquire(ServicePaths paths, out int? holder) =>
        TryAcquire(paths.ServiceLockFile, paths.ServicePidFile, out holder);

    /// <summary>
    /// In cluster mode, where nodes share the work folder: takes node <paramref name="node"/> for this process, one service
    /// per node (<see cref="ServicePaths.NodeLockFile"/>) instead of one per site; null if another process holds it.
    /// </summary>
    public static SiteLock? TryAcquireNode(ServicePaths paths, string node, out int? holder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.NodeLockFile(node))!);
        return TryAcquire(paths.NodeLockFile(node), paths.NodePidFile(node), out holder);
    }

    private static SiteLock? TryAcquire(string lockFile, string pidFile, out int? holder)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            holder = ReadHolder(pidFile);
            return null;
        }

        holder = null;
        try
        {
            var staged = pidFile + ".new";
            File.WriteAllText(staged, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
            File.Move(staged, pidFile, overwrite: true);
            return new SiteLock(stream, pidFile);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The id goes first, while the site is still ours: a successor writes its own only once it holds the lock.
        File.Delete(_pidFile);
        _lock.Dispose();
    }

    private static int? ReadHolder(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            // The holder is still writing it, or stopped and removed it.
            return null;
        }
    }
}

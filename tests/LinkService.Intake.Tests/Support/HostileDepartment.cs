using Renci.SshNet;
using Renci.SshNet.Common;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// A department's SFTP session used as an attacker would use it: every operation is tried and reports whether
/// the server (running as the department's account, in its chroot) allowed it. Paths are as the department sees them.
/// </summary>
public sealed class HostileDepartment(SftpClient sftp)
{
    public SftpClient Sftp => sftp;

    /// <summary>The folder the session starts in: where the department uploads.</summary>
    public string Home => sftp.WorkingDirectory;

    public void Upload(string name, string content) => sftp.WriteAllText(InHome(name), content);

    public bool TryRename(string from, string to) => Try(() => sftp.RenameFile(from, to));

    public bool TryLink(string linkPath, string target) => Try(() => sftp.SymbolicLink(target, linkPath));

    public bool TryCreateFolder(string path) => Try(() => sftp.CreateDirectory(path));

    public bool TryDelete(string path) => Try(() => sftp.Delete(path));

    /// <summary>Removes what is at <paramref name="path"/> (if it may) and puts a link to <paramref name="target"/> there.</summary>
    public bool TryReplaceWithLink(string path, string target)
    {
        TryDelete(path);
        return TryLink(path, target);
    }

    /// <summary>Removes what is at <paramref name="path"/> (if it may) and puts a folder of its own there.</summary>
    public bool TryReplaceWithFolder(string path)
    {
        TryDelete(path);
        return TryCreateFolder(path);
    }

    public string InHome(string name) => Home.TrimEnd('/') + "/" + name;

    /// <summary>The folder, anywhere the department can see, that holds a file of this name (as it finds its receipts).</summary>
    public string? FindFolderHolding(string fileName) => Find("/", fileName, depth: 3);

    private string? Find(string folder, string fileName, int depth)
    {
        var entries = sftp.ListDirectory(folder).Where(e => e.Name is not "." and not "..").ToList();
        if (entries.Any(e => e.Name == fileName))
        {
            return folder;
        }

        return depth == 0
            ? null
            : entries.Where(e => e.IsDirectory && !e.IsSymbolicLink).Select(e => Find(e.FullName, fileName, depth - 1)).FirstOrDefault(f => f is not null);
    }

    private static bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception exception) when (exception is SftpPermissionDeniedException or SftpPathNotFoundException or SshException)
        {
            return false;
        }
    }
}

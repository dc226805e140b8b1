using System.IO.Abstractions;
using LinkService.Intake.Native;

namespace LinkService.Intake.Storage;

/// <summary>
/// Opens a drop file for reading, and refuses to read it if what was opened is not the plain file at that
/// path: a department that swaps its file for a link after the scan looked (and back again) could otherwise
/// have the service, which runs outside the chroot, read a file the department may not. A file that has another
/// name (a hard link) is the plain file at its path, and may still be one the department did not upload: asked of
/// the handle read, so that no swap after the scan escapes it, and refused for good (<see cref="HardLinkException"/>)
/// rather than tried again.
/// </summary>
internal static class DropFileOpener
{
    private const int MaxLinkHops = 64;

    public static FileSystemStream Open(IFileSystem fileSystem, string path, int bufferSize)
    {
        var handle = fileSystem.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        try
        {
            // On Linux the kernel names what a descriptor refers to; elsewhere drop folders hold no links a department made.
            if (OperatingSystem.IsLinux())
            {
                var opened = fileSystem.File.ResolveLinkTarget($"/proc/self/fd/{handle.DangerousGetHandle()}", returnFinalTarget: false)?.FullName;
                var expected = fileSystem.Path.Combine(RealPath(fileSystem, fileSystem.Path.GetDirectoryName(fileSystem.Path.GetFullPath(path))!, 0), fileSystem.Path.GetFileName(path));
                if (opened != expected)
                {
                    throw new IOException("The drop file opened is not the plain file the scan saw (a link was put in its place); it was not read.");
                }
            }

            if (LinkCount.HasOtherNames(handle))
            {
                throw new HardLinkException();
            }

            return fileSystem.FileStream.New(handle, FileAccess.Read, bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The path with every link in it resolved, as the kernel would resolve it.</summary>
    internal static string RealPath(IFileSystem fileSystem, string path, int hops)
    {
        if (hops > MaxLinkHops)
        {
            throw new IOException("Too many levels of symbolic links.");
        }

        var full = fileSystem.Path.GetFullPath(path);
        var parent = fileSystem.Path.GetDirectoryName(full);
        if (parent is null)
        {
            return full;
        }

        var realParent = RealPath(fileSystem, parent, hops);
        var candidate = fileSystem.Path.Combine(realParent, fileSystem.Path.GetFileName(full));
        return fileSystem.FileInfo.New(candidate).LinkTarget is { } target
            ? RealPath(fileSystem, fileSystem.Path.Combine(realParent, target), hops + 1)
            : candidate;
    }
}

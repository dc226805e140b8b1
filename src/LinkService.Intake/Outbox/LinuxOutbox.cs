using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using LinkService.Intake.Native;

namespace LinkService.Intake.Outbox;

/// <summary>The Linux way of <see cref="OutboxFile"/>: every step relative to an open, verified directory handle.</summary>
internal static class LinuxOutbox
{
    private const uint FolderMode = 0x1ED; // 0755: a department must be able to read its outbox.
    private const uint FileMode = 0x1A0; // 0640: read by the outbox's group, the departments' (the outbox is setgid).
    private const ushort TypeMask = 0xF000;
    private const ushort DirectoryType = 0x4000;
    private const ushort WritableByOthers = 0x12; // group or other write

    public static async Task WriteAsync(string root, IReadOnlyList<string> below, string name, Func<Stream, CancellationToken, Task> write, bool durable, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var folder = OpenVerified(root, below);
        try
        {
            var temporary = OutboxFile.Temporary(name);

            // Left by a write that stopped half-way; only the service can have made it, as only it writes here.
            if (Libc.UnlinkAt(folder, temporary, 0) < 0 && Marshal.GetLastPInvokeError() != Libc.NoSuchEntry)
            {
                throw Failure(root, below, "its earlier temporary file could not be removed", Marshal.GetLastPInvokeError());
            }

            var file = Libc.OpenAt(folder, temporary, Libc.WriteOnly | Libc.Create | Libc.Exclusive | Libc.NoFollow | Libc.CloseOnExec, FileMode);
            if (file < 0)
            {
                throw Failure(root, below, "a new file could not be created in it", Marshal.GetLastPInvokeError());
            }

            // The stream owns the handle and closes it; it is flushed (and synced, if asked) before that.
            await using (var stream = new FileStream(new SafeFileHandle(file, ownsHandle: true), FileAccess.Write, bufferSize: 1 << 16))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                if (durable && Libc.FSync(file) < 0)
                {
                    throw Failure(root, below, "the file could not be flushed to disk", Marshal.GetLastPInvokeError());
                }
            }

            if (Libc.RenameAt(folder, temporary, folder, name) < 0)
            {
                throw Failure(root, below, "the file could not be renamed into place", Marshal.GetLastPInvokeError());
            }

            if (durable)
            {
                Libc.FSync(folder);
            }
        }
        finally
        {
            Libc.Close(folder);
        }
    }

    /// <summary>Opens <paramref name="root"/>, then each folder below it without following a link, and checks the last is the service's alone.</summary>
    private static int OpenVerified(string root, IReadOnlyList<string> below)
    {
        // The root is the operator's choice (it may itself be reached through a link); below it, nothing is followed.
        var folder = Libc.Open(root, Libc.ReadOnly | Libc.Directory | Libc.CloseOnExec, 0);
        if (folder < 0)
        {
            throw Failure(root, [], "it could not be opened", Marshal.GetLastPInvokeError());
        }

        try
        {
            for (var i = 0; i < below.Count; i++)
            {
                folder = Descend(folder, below[i], root, below.Take(i + 1).ToList());
            }

            Verify(folder, root, below);
            return folder;
        }
        catch
        {
            Libc.Close(folder);
            throw;
        }
    }

    private static int Descend(int parent, string name, string root, IReadOnlyList<string> path)
    {
        const int flags = Libc.ReadOnly | Libc.CloseOnExec;
        var child = Libc.OpenAt(parent, name, flags | Libc.Directory | Libc.NoFollow, 0);
        if (child < 0 && Marshal.GetLastPInvokeError() == Libc.NoSuchEntry)
        {
            // Made here, relative to the parent's handle: mkdir never follows a link at the name, and fails on anything there.
            Libc.MakeDirectoryAt(parent, name, FolderMode);
            child = Libc.OpenAt(parent, name, flags | Libc.Directory | Libc.NoFollow, 0);
        }

        if (child < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw Failure(root, path, error is Libc.TooManyLinks or Libc.NotADirectory ? "it is a link or not a folder; links are never followed" : "it could not be opened", error);
        }

        Libc.Close(parent);
        return child;
    }

    private static void Verify(int folder, string root, IReadOnlyList<string> below)
    {
        if (Libc.Statx(folder, "", Libc.EmptyPath, Libc.StatxTypeModeUid, out var stat) < 0)
        {
            throw Failure(root, below, "its owner could not be read", Marshal.GetLastPInvokeError());
        }

        if ((stat.Mode & TypeMask) != DirectoryType)
        {
            throw Failure(root, below, "it is not a folder");
        }

        if (stat.Uid != Libc.GetEffectiveUserId())
        {
            throw Failure(root, below, "it is not owned by the service's account");
        }

        if ((stat.Mode & WritableByOthers) != 0)
        {
            throw Failure(root, below, "it is writable by others than the service's account");
        }
    }

    private static IOException Failure(string root, IReadOnlyList<string> below, string reason, int? error = null)
    {
        var folder = Path.Combine([root, .. below]);
        var detail = error is { } code ? $" ({new Win32Exception(code).Message})" : "";
        return new IOException($"Nothing was written to {folder}: {reason}{detail}.");
    }
}

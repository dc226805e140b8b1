using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using LinkService.Intake.Native;

namespace LinkService.Intake.Scanning.Writers;

/// <summary>
/// Writer tracking on Linux: an inotify watch on each drop folder reports every open and close of the files in it,
/// whoever makes them (the SFTP server runs as the department). Events are read whenever a state is asked for, so an
/// answer reflects every close the kernel reported before the question; a thread also reads them to wake intake on a close.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class InotifyWriters : IWriterSignal
{
    private const WriterEvent Followed = WriterEvent.Modify | WriterEvent.CloseWrite | WriterEvent.CloseNoWrite | WriterEvent.Open
        | WriterEvent.MovedFrom | WriterEvent.MovedTo | WriterEvent.Create | WriterEvent.Delete | WriterEvent.DeleteSelf | WriterEvent.MoveSelf;

    private readonly Lock _lock = new();
    private readonly int _fd;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Dictionary<string, (int Wd, FolderWriters Writers)> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _byWd = [];
    private readonly List<Action<string>> _closed = [];
    private Thread? _reader;
    private volatile bool _disposed;

    private InotifyWriters(int fd) => _fd = fd;

    /// <summary>A tracker, or null if the kernel refuses an inotify instance (the per-user limit reached).</summary>
    public static InotifyWriters? TryCreate()
    {
        var fd = Inotify.Init(Inotify.NonBlocking | Inotify.CloseOnExec);
        return fd < 0 ? null : new InotifyWriters(fd);
    }

    public void Watch(string folder)
    {
        lock (_lock)
        {
            Drain(null);
            if (_folders.ContainsKey(folder) || _disposed)
            {
                return;
            }

            // Not followed if the folder itself is a link, and refused if it is not a folder.
            var wd = Inotify.AddWatch(_fd, folder, (uint)Followed | Inotify.OnlyDirectory | Inotify.DontFollow);
            if (wd >= 0)
            {
                _folders[folder] = (wd, new FolderWriters());
                _byWd[wd] = folder;
            }
        }
    }

    public WriterState StateOf(string folder, string name)
    {
        List<string> closed = [];
        WriterState state;
        lock (_lock)
        {
            Drain(closed);
            state = _folders.TryGetValue(folder, out var watched) ? watched.Writers.StateOf(name) : WriterState.Unknown;
        }

        Notify(closed);
        return state;
    }

    public IReadOnlyList<string> TakeWrittenAfterRemoval(string folder)
    {
        lock (_lock)
        {
            Drain(null);
            return _folders.TryGetValue(folder, out var watched) ? watched.Writers.TakeWrittenAfterRemoval() : [];
        }
    }

    public void OnClosed(Action<string> closed)
    {
        lock (_lock)
        {
            _closed.Add(closed);
            if (_reader is null && !_disposed)
            {
                _reader = new Thread(ReadUntilDisposed) { IsBackground = true, Name = "intake-writers" };
                _reader.Start();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _reader?.Join();
        lock (_lock)
        {
            _ = Libc.Close(_fd);
        }
    }

    private void ReadUntilDisposed()
    {
        var poll = new Inotify.PollFd { Fd = _fd, Events = Inotify.PollIn };
        while (!_disposed)
        {
            // A short timeout rather than a wake-up descriptor: disposal waits at most this long.
            poll.Revents = 0;
            if (Inotify.Poll(ref poll, 1, 200) > 0 && !_disposed)
            {
                List<string> closed = [];
                lock (_lock)
                {
                    Drain(closed);
                }

                Notify(closed);
            }
        }
    }

    /// <summary>Reads every event waiting; adds the folders where a writer closed a file to <paramref name="closed"/>.</summary>
    private void Drain(List<string>? closed)
    {
        while (!_disposed)
        {
            var read = Inotify.Read(_fd, _buffer, _buffer.Length);
            if (read <= 0)
            {
                // EAGAIN: nothing more; anything else (EINTR) is tried again at the next question.
                return;
            }

            for (var offset = 0; offset < read;)
            {
                var header = _buffer.AsSpan(offset, Inotify.HeaderBytes);
                var wd = BinaryPrimitives.ReadInt32LittleEndian(header);
                var mask = (WriterEvent)BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
                var cookie = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
                var name = _buffer.AsSpan(offset + Inotify.HeaderBytes, length);
                var end = name.IndexOf((byte)0);
                Apply(wd, mask, DropNames.Escape(end < 0 ? name : name[..end]), cookie, closed);
                offset += Inotify.HeaderBytes + length;
            }
        }
    }

    private void Apply(int wd, WriterEvent mask, string name, uint cookie, List<string>? closed)
    {
        if (mask.HasFlag(WriterEvent.Overflow))
        {
            foreach (var (_, writers) in _folders.Values)
            {
                writers.Forget();
            }

            return;
        }

        if (!_byWd.TryGetValue(wd, out var folder))
        {
            return;
        }

        // Events of a folder's earlier watch (it was removed and made again) say nothing of the files there now.
        var current = _folders.TryGetValue(folder, out var watched) && watched.Wd == wd ? watched.Writers : null;
        if (mask.HasFlag(WriterEvent.Ignored) || mask.HasFlag(WriterEvent.DeleteSelf) || mask.HasFlag(WriterEvent.MoveSelf) || mask.HasFlag(WriterEvent.Unmount))
        {
            // The folder went away or was replaced: the next Watch starts afresh on whatever now has its path.
            _byWd.Remove(wd);
            if (current is not null)
            {
                _folders.Remove(folder);
            }

            return;
        }

        if (current?.Apply(mask, name, cookie) == true)
        {
            closed?.Add(folder);
        }
    }

    private void Notify(List<string> closed)
    {
        Action<string>[] listeners;
        lock (_lock)
        {
            listeners = [.. _closed];
        }

        foreach (var folder in closed.Distinct(StringComparer.Ordinal))
        {
            foreach (var listener in listeners)
            {
                listener(folder);
            }
        }
    }
}

namespace LinkService.Intake.Scanning.Writers;

/// <summary>
/// The writers of one folder's files, from the kernel's events: every open counted until its close. A file created
/// or renamed in while watched is known from its start; one that was there before, or came from outside the folder,
/// is unknown until a writer is seen closing it (the close of a write handle leaves it with no handle counted).
/// A write with no open counted (a handle from before the watch) keeps the file open until that handle closes.
/// </summary>
internal sealed class FolderWriters
{
    private readonly Dictionary<string, Handles> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, Handles> _moving = [];
    private readonly Dictionary<string, bool> _removed = new(StringComparer.Ordinal);
    private readonly List<string> _writtenAfterRemoval = [];

    public WriterState StateOf(string name) =>
        !_files.TryGetValue(name, out var handles) ? WriterState.Unknown
        : handles.Open > 0 || handles.WrittenUnclosed ? WriterState.Open
        : handles.Known ? WriterState.Closed
        : WriterState.Unknown;

    /// <summary>Applies one event on <paramref name="name"/>; true if it was the close of a write handle.</summary>
    public bool Apply(WriterEvent mask, string name, uint cookie)
    {
        if (mask.HasFlag(WriterEvent.IsDirectory))
        {
            return false;
        }

        if (mask.HasFlag(WriterEvent.Create) || mask.HasFlag(WriterEvent.MovedTo))
        {
            _removed.Remove(name);
        }
        else if (_removed.TryGetValue(name, out var reported))
        {
            // The kernel goes on reporting a removed file's events under its old name while a handle on it stays open:
            // a write now is one no file in the folder will ever hold.
            if (mask.HasFlag(WriterEvent.Modify) && !reported)
            {
                _removed[name] = true;
                _writtenAfterRemoval.Add(name);
            }

            return false;
        }

        if (mask.HasFlag(WriterEvent.Create))
        {
            _files[name] = new Handles { Known = true };
        }

        if (mask.HasFlag(WriterEvent.MovedFrom))
        {
            if (_files.Remove(name, out var moved))
            {
                // A rename out of the folder has no second half; don't keep those for ever.
                if (_moving.Count > 1024)
                {
                    _moving.Clear();
                }

                _moving[cookie] = moved;
            }

            return false;
        }

        if (mask.HasFlag(WriterEvent.MovedTo))
        {
            // From outside the folder nothing is known of its handles.
            _files[name] = _moving.Remove(cookie, out var moved) ? moved : new Handles();
        }

        if (mask.HasFlag(WriterEvent.Delete))
        {
            _files.Remove(name);
            if (_removed.Count > 1024)
            {
                _removed.Clear();
            }

            _removed[name] = false;
            return false;
        }

        var file = Touch(name);
        if (mask.HasFlag(WriterEvent.Open))
        {
            file.Open++;
        }

        // Only a write no counted open explains comes from a handle older than the watch, to be waited for until it
        // closes. A write under a counted open is that handle's: marking it too kept a file open for ever once its
        // writer closed while a reader (the service copying it, a backup agent) still held it.
        if (mask.HasFlag(WriterEvent.Modify) && file.Open == 0)
        {
            file.WrittenUnclosed = true;
        }

        if (mask.HasFlag(WriterEvent.CloseNoWrite))
        {
            file.Open = Math.Max(0, file.Open - 1);
        }

        if (mask.HasFlag(WriterEvent.CloseWrite))
        {
            file.Open = Math.Max(0, file.Open - 1);
            if (file.Open == 0)
            {
                file.WrittenUnclosed = false;
                file.Known = true;
            }

            return true;
        }

        return false;
    }

    /// <summary>The names written to after they were removed from the folder, since the last call.</summary>
    public IReadOnlyList<string> TakeWrittenAfterRemoval()
    {
        var names = _writtenAfterRemoval.ToList();
        _writtenAfterRemoval.Clear();
        return names;
    }

    /// <summary>Forgets everything: the kernel dropped events, so no file's handles are known any more.</summary>
    public void Forget()
    {
        _files.Clear();
        _moving.Clear();
        _removed.Clear();
    }

    private Handles Touch(string name)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            file = new Handles();
            _files[name] = file;
        }

        return file;
    }

    private sealed class Handles
    {
        public int Open { get; set; }

        public bool WrittenUnclosed { get; set; }

        public bool Known { get; set; }
    }
}

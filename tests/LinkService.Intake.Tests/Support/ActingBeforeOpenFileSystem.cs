using System.IO.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// The real file system, except that the first time a handle on <paramref name="path"/> is opened, <paramref name="act"/>
/// runs just before: a department acting between intake's scan and its open of the file.
/// </summary>
public sealed class ActingBeforeOpenFileSystem : FileSystem
{
    public ActingBeforeOpenFileSystem(string path, Action act) => File = new ActingFile(this, path, act);

    public override IFile File { get; }

    private sealed class ActingFile(IFileSystem fileSystem, string watched, Action act) : FileWrapper(fileSystem)
    {
        private Action? _act = act;

        public override SafeFileHandle OpenHandle(string path, FileMode mode, FileAccess access = FileAccess.Read, FileShare share = FileShare.Read, FileOptions options = FileOptions.None, long preallocationSize = 0)
        {
            if (path == watched && Interlocked.Exchange(ref _act, null) is { } first)
            {
                first();
            }

            return base.OpenHandle(path, mode, access, share, options, preallocationSize);
        }
    }
}

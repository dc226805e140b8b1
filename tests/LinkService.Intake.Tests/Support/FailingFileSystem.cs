using System.IO.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// The real file system, except that writes to files under <paramref name="failUnder"/> stop with an
/// <see cref="IOException"/> after <paramref name="failAfterBytes"/> (a process dying in the middle of a copy),
/// and, given <paramref name="watchFailure"/>, no folder can be watched: creating a watcher throws it (a network share,
/// a folder the service may not read).
/// </summary>
public sealed class FailingFileSystem(string failUnder, long failAfterBytes, Func<Exception>? watchFailure = null) : IFileSystem
{
    private readonly FileSystem _inner = new();

    public IDirectory Directory => _inner.Directory;

    public IDirectoryInfoFactory DirectoryInfo => _inner.DirectoryInfo;

    public IDriveInfoFactory DriveInfo => _inner.DriveInfo;

    public IFile File => _inner.File;

    public IFileInfoFactory FileInfo => _inner.FileInfo;

    public IFileStreamFactory FileStream => new FailingStreams(this, _inner.FileStream, failUnder, failAfterBytes);

    public IFileSystemWatcherFactory FileSystemWatcher => watchFailure is null ? _inner.FileSystemWatcher : new Unwatchable(this, watchFailure);

    public IFileVersionInfoFactory FileVersionInfo => _inner.FileVersionInfo;

    public IPath Path => _inner.Path;

    public IRandomAccess RandomAccess => _inner.RandomAccess;

    private sealed class FailingStreams(IFileSystem fileSystem, IFileStreamFactory inner, string failUnder, long failAfterBytes) : IFileStreamFactory
    {
        public IFileSystem FileSystem => fileSystem;

        public FileSystemStream New(SafeFileHandle handle, FileAccess access) => inner.New(handle, access);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize) => inner.New(handle, access, bufferSize);

        public FileSystemStream New(SafeFileHandle handle, FileAccess access, int bufferSize, bool isAsync) => inner.New(handle, access, bufferSize, isAsync);

        public FileSystemStream New(string path, FileMode mode) => Wrap(path, inner.New(path, mode));

        public FileSystemStream New(string path, FileMode mode, FileAccess access) => Wrap(path, inner.New(path, mode, access));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share) => Wrap(path, inner.New(path, mode, access, share));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) => Wrap(path, inner.New(path, mode, access, share, bufferSize));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, bool useAsync) => Wrap(path, inner.New(path, mode, access, share, bufferSize, useAsync));

        public FileSystemStream New(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize, FileOptions options) => Wrap(path, inner.New(path, mode, access, share, bufferSize, options));

        public FileSystemStream New(string path, FileStreamOptions options) => Wrap(path, inner.New(path, options));

        public FileSystemStream Wrap(FileStream fileStream) => inner.Wrap(fileStream);

        private FileSystemStream Wrap(string path, FileSystemStream stream) =>
            stream.CanWrite && System.IO.Path.GetFullPath(path).StartsWith(failUnder, StringComparison.Ordinal) ? new FailingStream(stream, path, failAfterBytes) : stream;
    }

    private sealed class FailingStream(FileSystemStream inner, string path, long failAfterBytes) : FileSystemStream(inner, path, inner.IsAsync)
    {
        private long _written;

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count(count);
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        private void Count(int bytes)
        {
            _written += bytes;
            if (_written > failAfterBytes)
            {
                throw new IOException("Simulated crash in the middle of a copy.");
            }
        }
    }

    private sealed class Unwatchable(IFileSystem fileSystem, Func<Exception> failure) : IFileSystemWatcherFactory
    {
        public IFileSystem FileSystem => fileSystem;

        public IFileSystemWatcher New() => throw failure();

        public IFileSystemWatcher New(string path) => New();

        public IFileSystemWatcher New(string path, string filter) => New();

        public IFileSystemWatcher? Wrap(FileSystemWatcher? fileSystemWatcher) => null;
    }
}

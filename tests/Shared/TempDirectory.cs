using System.Text;

namespace LinkService.Testing;

/// <summary>
/// A folder of the test's own under the system temp folder, deleted with everything in it when the test ends.
/// Linked into every test project by tests/Directory.Build.props.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
        : this(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkservice-tests"))
    {
    }

    /// <summary>A folder under <paramref name="parent"/>: for what must not live under the world-writable temp folder (an sshd chroot).</summary>
    public TempDirectory(string parent)
    {
        Path = System.IO.Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>The path of a file directly in the folder.</summary>
    public string File(string name) => Combine(name);

    /// <summary>Writes UTF-8 text (no BOM) to a path relative to the folder, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, string text) => Write(relativePath, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes to a path relative to the folder, creating its folders; returns the full path.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

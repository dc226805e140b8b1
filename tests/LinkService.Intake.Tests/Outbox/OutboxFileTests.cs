using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using LinkService.Intake.Outbox;

namespace LinkService.Intake.Tests.Outbox;

/// <summary>
/// The one way the service writes where a department can reach. Links and foreign folders are planted directly (as a
/// department with its own account could, were the layout wrong); the hostile SFTP suite attacks the real layout.
/// </summary>
public sealed class OutboxFileTests : IDisposable
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("the master key");
    private readonly TempDirectory _root = new();

    public OutboxFileTests()
    {
        Directory.CreateDirectory(Drop);
        File.WriteAllBytes(SecretFile, Secret);
    }

    private string Drop => _root.Combine("drop");

    private string Outbox => Path.Combine(Drop, "justice", "outbox");

    private string SecretFile => _root.Combine("master.key");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task WriteAsync_FoldersMissing_CreatesThemAndTheFileWholeWithNoTemporaryLeft()
    {
        await WriteAsync("d1.json", "{}");

        Assert.Equal(["d1.json"], Directory.GetFileSystemEntries(Outbox).Select(Path.GetFileName));
        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(Outbox, "d1.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_Twice_ReplacesTheContent()
    {
        await WriteAsync("d1.json", "received");
        await WriteAsync("d1.json", "accepted");

        Assert.Equal("accepted", await File.ReadAllTextAsync(Path.Combine(Outbox, "d1.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_File_IsReadableByTheOutboxGroupAndWritableByTheServiceAlone()
    {
        await WriteAsync("d1.json", "{}");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(Outbox, "d1.json")));
    }

    [Fact]
    public async Task WriteAsync_OutboxIsALink_RefusedAndNothingWrittenThroughIt()
    {
        var elsewhere = _root.Combine("work", "keys");
        Directory.CreateDirectory(elsewhere);
        Directory.CreateDirectory(Path.Combine(Drop, "justice"));
        Directory.CreateSymbolicLink(Outbox, elsewhere);

        await Assert.ThrowsAsync<IOException>(() => WriteAsync("d1.json", "{}"));

        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task WriteAsync_FolderAboveTheOutboxIsALink_RefusedAndNothingWrittenThroughIt()
    {
        var elsewhere = _root.Combine("work");
        Directory.CreateDirectory(Path.Combine(elsewhere, "outbox"));
        Directory.CreateSymbolicLink(Path.Combine(Drop, "justice"), elsewhere);

        await Assert.ThrowsAsync<IOException>(() => WriteAsync("d1.json", "{}"));

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(elsewhere, "outbox")));
    }

    [Theory]
    [InlineData("d1.json")]
    [InlineData(".d1.json.tmp")]
    public async Task WriteAsync_LinkAtTheNameOrItsTemporary_LinkReplacedAndItsTargetUntouched(string linked)
    {
        Directory.CreateDirectory(Outbox);
        File.CreateSymbolicLink(Path.Combine(Outbox, linked), SecretFile);

        await WriteAsync("d1.json", "{}");

        Assert.Equal(Secret, await File.ReadAllBytesAsync(SecretFile, TestContext.Current.CancellationToken));
        Assert.Equal(["d1.json"], Directory.GetFileSystemEntries(Outbox).Select(Path.GetFileName));
        Assert.Null(new FileInfo(Path.Combine(Outbox, "d1.json")).LinkTarget);
        Assert.Equal("{}", await File.ReadAllTextAsync(Path.Combine(Outbox, "d1.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_OutboxWritableByOthers_Refused()
    {
        Directory.CreateDirectory(Outbox);
        File.SetUnixFileMode(Outbox, (UnixFileMode)0x1FF);

        var refused = await Assert.ThrowsAsync<IOException>(() => WriteAsync("d1.json", "{}"));

        Assert.Contains("writable by others", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Outbox));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_OutboxOwnedByAnotherAccount_Refused()
    {
        Directory.CreateDirectory(Outbox);
        await ChownAsync("65534", Outbox);

        var refused = await Assert.ThrowsAsync<IOException>(() => WriteAsync("d1.json", "{}"));

        Assert.Contains("not owned by the service's account", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Outbox));
    }

    [Theory]
    [InlineData("../d1.json")]
    [InlineData("..")]
    [InlineData("")]
    public async Task WriteAsync_NameThatIsNotAPlainFileName_Throws(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(name, "{}"));

    [Fact]
    public async Task WriteAsync_FolderOutsideTheRoot_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => OutboxFile.WriteAsync(Drop, _root.Combine("work"), "d1.json", "{}"u8.ToArray(), durable: false, CancellationToken.None));

    private Task WriteAsync(string name, string text) =>
        OutboxFile.WriteAsync(Drop, Outbox, name, Encoding.UTF8.GetBytes(text), durable: true, CancellationToken.None);

    private static async Task ChownAsync(string owner, string path)
    {
        using var chown = Process.Start("chown", [owner, path]);
        await chown.WaitForExitAsync();
        Assert.True(chown.ExitCode == 0, "chown needs root, as the SFTP tests do: run the tests as .ci/run does.");
    }
}

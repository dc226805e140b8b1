using LinkService.Folders;

namespace LinkService.Tests.Folders;

public sealed class FolderBootstrapperTests
{
    [Fact]
    public void CloseToOthers_WorkFolderMadeWithADefaultUmask_LosesOthersAccessAndKeepsTheGroups()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes; on Windows the installer sets the folder's ACL.
        }

        using var folder = new TempDirectory();
        var work = Directory.CreateDirectory(Path.Combine(folder.Path, "work")).FullName;
        const UnixFileMode Loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(work, Loose);

        var was = FolderBootstrapper.CloseToOthers(work);

        Assert.Equal(Loose, was);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(work));
        Assert.Null(FolderBootstrapper.CloseToOthers(work));
    }
}

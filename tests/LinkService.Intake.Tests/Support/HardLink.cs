using System.Diagnostics;

namespace LinkService.Intake.Tests.Support;

/// <summary>Gives a file another name, by <c>ln</c> (a hard link: .NET has no call that makes one).</summary>
public static class HardLink
{
    public static void Create(string existing, string newName)
    {
        var start = new ProcessStartInfo("ln") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("--");
        start.ArgumentList.Add(existing);
        start.ArgumentList.Add(newName);
        using var ln = Process.Start(start)!;
        var error = ln.StandardError.ReadToEnd();
        ln.WaitForExit();
        Assert.True(ln.ExitCode == 0, error);
    }
}

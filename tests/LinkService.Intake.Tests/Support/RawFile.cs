using System.Diagnostics;

namespace LinkService.Intake.Tests.Support;

/// <summary>Creates a file whose name is given as bash's <c>$'...'</c> escapes: the one way to a name that is not UTF-8, which .NET cannot write.</summary>
public static class RawFile
{
    public static void Create(string folder, string bashEscapedName, string content) => Bash(folder, $"cat > $'{bashEscapedName}'", content);

    /// <summary>Removes everything in <paramref name="folder"/>, names .NET cannot address included.</summary>
    public static void Clear(string folder) => Bash(folder, "find . -mindepth 1 -delete", "");

    private static void Bash(string folder, string command, string input)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, WorkingDirectory = folder, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var bash = Process.Start(start)!;
        bash.StandardInput.Write(input);
        bash.StandardInput.Close();
        bash.WaitForExit();
        Assert.Equal(0, bash.ExitCode);
    }
}

using System.Diagnostics;
using System.Text;

namespace LinkService.Tests.Support;

/// <summary>
/// <c>linkservice run</c> (or another command) as a real child process, so a test can kill it the way a power cut or
/// an OOM killer would (no graceful stop, no finally blocks), or run two beside each other.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private ServiceProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The process id, which the service writes beside its site lock and into its runs' leases.</summary>
    public int Id => _process.Id;

    public static ServiceProcess Start(ServiceFolder folder) => Start(folder, "run");

    /// <summary>Any <c>linkservice</c> command, on the folder's configuration, in the folder.</summary>
    public static ServiceProcess Start(ServiceFolder folder, params string[] command) => Start(folder, new Dictionary<string, string>(), command);

    /// <summary>Any <c>linkservice</c> command, with <paramref name="environment"/> added to its environment (settings as <c>LINKSERVICE_</c> variables).</summary>
    public static ServiceProcess Start(ServiceFolder folder, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "linkservice.dll"));
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(folder.ConfigDirectory);
        return Start(start);
    }

    /// <summary>Any program (a published service, under another account), its output redirected here.</summary>
    public static ServiceProcess Start(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."));
    }

    /// <summary>
    /// The next line the process prints (from now on) that <paramref name="match"/> accepts; fails if the process exits
    /// first or none comes within <paramref name="timeout"/>. Lines arrive as the process writes them, so a test can act
    /// the moment a stage begins.
    /// </summary>
    public Task<string> NextLineAsync(Func<string, bool> match, TimeSpan timeout, string because, CancellationToken cancellationToken) =>
        LineAsync(match, earlier: false, timeout, because, cancellationToken);

    /// <summary>
    /// Once intake watches the inboxes: a file closed from then on is taken as soon as it is quiet, while one closed
    /// before (the inbox exists a moment earlier) is taken only after the fallback quiet period, no close being known.
    /// </summary>
    public Task IntakeWatchingAsync(TimeSpan timeout, string because, CancellationToken cancellationToken) =>
        FirstLineAsync(l => l.Contains("Intake watching ", StringComparison.Ordinal), timeout, because, cancellationToken);

    /// <summary>The first line the process printed, or prints, that <paramref name="match"/> accepts.</summary>
    public Task<string> FirstLineAsync(Func<string, bool> match, TimeSpan timeout, string because, CancellationToken cancellationToken) =>
        LineAsync(match, earlier: true, timeout, because, cancellationToken);

    private async Task<string> LineAsync(Func<string, bool> match, bool earlier, TimeSpan timeout, string because, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (earlier && _output.ToString().Split('\n').FirstOrDefault(match) is { } printed)
            {
                return printed;
            }

            _waiters.Add((match, seen));
        }

        try
        {
            var exited = _process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(seen.Task, exited).WaitAsync(timeout, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return first == seen.Task
                ? await seen.Task
                : throw new InvalidOperationException($"The process exited (code {_process.ExitCode}) before a line came: {because}.\n{Output}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No line came within {timeout.TotalSeconds:0} s: {because}.");
        }
        finally
        {
            lock (_output)
            {
                _waiters.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    /// <summary>SIGKILL: the process gets no chance to tidy up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd sends on stop; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await ExitCodeAsync(timeout);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // What the process was doing when it did not end is the only clue to why: its output goes with the failure.
            throw new TimeoutException($"the process had not exited {timeout.TotalSeconds:F0} s later; its output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
                foreach (var (match, seen) in _waiters.Where(w => w.Match(line)))
                {
                    seen.TrySetResult(line);
                }
            }
        }
    }
}

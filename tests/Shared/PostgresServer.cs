using System.Globalization;
using System.Security.Cryptography;

namespace LinkService.Testing;

/// <summary>
/// A real PostgreSQL cluster of the test run's own (Debian's postgresql package: <c>.ci/run</c> installs it), in a
/// temp folder, listening on 127.0.0.1 and a free port only (its unix socket in the same folder), with one superuser
/// that signs in over TCP with a password. Started once per test assembly — declare
/// <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c> and take it in a test class's constructor — and
/// stopped (immediately: nothing in it is kept) and deleted when the assembly's tests end. Each test asks for a
/// fresh database of its own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string User = "linkservice";

    // initdb and postgres refuse to run as root: as root, the cluster is the postgres account's (the package makes it).
    private const string Account = "postgres";

    private readonly string _bin;
    private readonly bool _asAccount = Environment.IsPrivilegedProcess;

    public PostgresServer()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "The PostgreSQL tests start a real cluster and need Debian's postgresql package (/usr/lib/postgresql/<version>/bin/initdb). "
            + "Run them through .ci/run, which installs it (apt-get install -y postgresql).");
    }

    /// <summary>The cluster's folder: data, unix socket and server log.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "linkservice-postgres", Guid.NewGuid().ToString("N"));

    /// <summary>The superuser's password (random per run); every database's connection string carries it.</summary>
    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public int Port { get; private set; }

    private string Data => Path.Combine(Root, "data");

    private string Socket => Path.Combine(Root, "socket");

    private string ServerLog => Path.Combine(Root, "server.log");

    /// <summary>An Npgsql connection string for a database of this cluster, as the superuser over TCP.</summary>
    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database}");

    /// <summary>A new, empty database with a unique name; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await SqlAsync($"CREATE DATABASE {name}", cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Runs SQL as the superuser (over the unix socket) in the postgres database, or the one named.</summary>
    public Task SqlAsync(string sql, CancellationToken cancellationToken, string database = "postgres") =>
        RunAsync(Path.Combine(_bin, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Socket, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, "-d", database, "-c", sql], cancellationToken);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(Socket);
        var passwordFile = Path.Combine(Root, "password");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
        if (_asAccount)
        {
            await RunAsync("chown", ["-R", Account, Root], cancellationToken);
        }

        await RunAsync(Path.Combine(_bin, "initdb"),
            ["-D", Data, "-U", User, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"],
            cancellationToken);
        File.Delete(passwordFile);

        // A port the OS just handed out may be taken again before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPorts.Free();
            try
            {
                await StartAsync(cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Data))
        {
            var (file, arguments) = AsAccount(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", Data, "-m", "immediate", "-w"]);
            await InstallScripts.RunAsync(file, arguments, CancellationToken.None);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        // Another test assembly's cluster may be starting beside it: then the folder stays.
        var parent = Path.GetDirectoryName(Root)!;
        try
        {
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
            {
                Directory.Delete(parent);
            }
        }
        catch (IOException)
        {
        }
    }

    // Durability is not what these tests look at: fsync off keeps the shared machine's disk quiet and the tests fast.
    private Task StartAsync(CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["start", "-D", Data, "-l", ServerLog, "-w", "-t", "60", "-o",
                $"-c listen_addresses=127.0.0.1 -p {Port} -k {Socket} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"],
            cancellationToken);

    private async Task RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var (file, all) = AsAccount(program, arguments);
        var (exitCode, output, error) = await InstallScripts.RunAsync(file, all, cancellationToken);
        if (exitCode != 0)
        {
            var log = File.Exists(ServerLog) ? await File.ReadAllTextAsync(ServerLog, cancellationToken) : "";
            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments.FirstOrDefault()} failed ({exitCode}): {output}{error}{log}");
        }
    }

    // As root, PostgreSQL's own programs run as the cluster's account (chown, as root itself).
    private (string Program, string[] Arguments) AsAccount(string program, string[] arguments) =>
        _asAccount && program.StartsWith(_bin, StringComparison.Ordinal) ? ("runuser", ["-u", Account, "--", program, .. arguments]) : (program, arguments);

    /// <summary>The newest installed version's bin folder, or null.</summary>
    private static string? FindBin()
    {
        const string Versions = "/usr/lib/postgresql";
        if (!Directory.Exists(Versions))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Versions)
            .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(b => File.Exists(Path.Combine(b.Folder, "initdb")))
            .OrderByDescending(b => b.Version)
            .Select(b => b.Folder)
            .FirstOrDefault();
    }
}

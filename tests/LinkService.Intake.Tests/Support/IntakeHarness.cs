using System.IO.Abstractions;
using System.Security.Cryptography;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Projects;
using LinkService.Configuration.Sources;
using LinkService.Intake.Hosting;
using LinkService.Intake.Processing;
using LinkService.Configuration.Keys;
using LinkService.Intake.Scanning.Writers;
using LinkService.Ledger;
using LinkService.Ledger.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LinkService.Intake.Tests.Support;

/// <summary>
/// Intake on the real file system in a temp directory, a real SQLite ledger and a fake clock. Each
/// <see cref="NewCycle"/> is a fresh intake, as after a restart; <see cref="ReopenLedger"/> a fresh ledger.
/// </summary>
public sealed class IntakeHarness : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<IDisposable> _disposables = [];

    public IntakeHarness(params SourceDefinition[] sources)
        : this(null, sources)
    {
    }

    /// <summary>With the drop root somewhere else (the SFTP chroot); the work area stays in the temp directory.</summary>
    public IntakeHarness(string? dropRoot, params SourceDefinition[] sources)
    {
        sources = sources.Length == 0 ? [Sources.Justice()] : sources;
        Catalog = new ConfigCatalog(
            _root.Path,
            sources.ToDictionary(s => s.Name),
            new Dictionary<string, TableSchema>(),
            new Dictionary<string, ProjectDefinition>());
        Paths = new ServicePaths(new FolderOptions { Drop = dropRoot ?? "drop", Work = "work", Export = "export" }, _root.Path);
        foreach (var source in sources)
        {
            Directory.CreateDirectory(Paths.InboxFolder(source.Name));
        }

        Ledger = ReopenLedger();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public ConfigCatalog Catalog { get; }

    public ServicePaths Paths { get; }

    public ILedger Ledger { get; private set; }

    public RecordingCheck Check { get; } = new();

    public CollectingLoggerProvider Logs { get; } = new();

    public SourceDefinition Source => Catalog.Sources.Values.First();

    public ILedger ReopenLedger()
    {
        Directory.CreateDirectory(Paths.KeysFolder);
        MasterKeyFile.TryCreate(Paths.MasterKeyFile);
        var provider = new ServiceCollection()
            .AddSingleton(Paths)
            .AddSingleton<TimeProvider>(Time)
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddLedger()
            .BuildServiceProvider();
        _providers.Add(provider);
        Ledger = provider.GetRequiredService<ILedger>();
        return Ledger;
    }

    /// <summary>A fresh intake, as after a restart: it knows nothing of the writers of files already in the drop folders.</summary>
    internal IntakeCycle NewCycle(IFileSystem? fileSystem = null, IntakeOptions? options = null, Checks.IDeliveryCheck? check = null)
    {
        var writers = WriterSignals.ForThisSystem();
        _disposables.Add(writers);
        return IntakeComposition.CreateCycle(
            Catalog,
            Paths,
            fileSystem ?? new FileSystem(),
            Ledger,
            check ?? Check,
            options ?? Options,
            writers,
            Time,
            LoggerFactory.Create(logging => logging.AddProvider(Logs)));
    }

    public IntakeOptions Options { get; } = new();

    public string DropPath(string name, string? source = null) => Path.Combine(Paths.InboxFolder(source ?? Source.Name), name);

    public string Drop(string name, string content, string? source = null)
    {
        var path = DropPath(name, source);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// A pass to notice the files, the quiet period, a pass to take them. The fallback period, as files written before
    /// the cycle's first pass were there before it could follow their writers.
    /// </summary>
    internal async Task RunUntilQuietAsync(IntakeCycle cycle)
    {
        await cycle.RunAsync(null, CancellationToken.None);
        Time.Advance(Options.FallbackQuietPeriod > Source.Completion.QuietPeriod ? Options.FallbackQuietPeriod : Source.Completion.QuietPeriod);
        await cycle.RunAsync(null, CancellationToken.None);
    }

    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync() =>
        await Ledger.GetRecentDeliveriesAsync(null, 10_000, CancellationToken.None);

    public static IReadOnlyList<string> FilesIn(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    public static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _disposables.ForEach(d => d.Dispose());
        _root.Dispose();
    }
}

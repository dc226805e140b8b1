using System.IO.Abstractions;
using LinkService.Configuration;
using LinkService.Configuration.Folders;
using LinkService.Intake.Checks;
using LinkService.Intake.Processing;
using LinkService.Intake.Receipts;
using LinkService.Intake.Scanning;
using LinkService.Intake.Scanning.Writers;
using LinkService.Intake.Storage;
using LinkService.Intake.Waiting;
using LinkService.Ledger;
using Microsoft.Extensions.Logging;

namespace LinkService.Intake.Hosting;

/// <summary>Builds intake's parts around the seams the host provides; DI and tests (a fresh instance after a crash) both use it.</summary>
internal static class IntakeComposition
{
    public static IntakeCycle CreateCycle(
        ConfigCatalog catalog,
        ServicePaths paths,
        IFileSystem fileSystem,
        ILedger ledger,
        IDeliveryCheck check,
        IntakeOptions options,
        IWriterSignal writers,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("LinkService.Intake");
        var files = new DeliveryFiles(paths);
        var copier = new HashingCopier(fileSystem, options.CopyBufferBytes);
        var companions = new CompanionFiles(fileSystem);
        var completion = new DeliveryCompletion(
            ledger,
            fileSystem,
            files,
            companions,
            new Quarantine(fileSystem, files),
            new ReceiptWriter(files, timeProvider),
            check,
            logger);
        var tracker = new CompletionTracker(timeProvider);
        return new IntakeCycle(
            catalog,
            paths,
            ledger,
            new DropFolderScanner(fileSystem),
            tracker,
            writers,
            new ReadinessRules(tracker, writers, companions, options.FallbackQuietPeriod, timeProvider),
            new WaitingFiles(fileSystem, paths.IntakeWaitingFile, timeProvider),
            new NamePatterns(options.EffectiveTemporaryPatterns),
            new DeliveryIntake(ledger, fileSystem, files, copier, companions, completion, options.FallbackQuietPeriod, timeProvider, logger),
            new DeliveryRecovery(ledger, fileSystem, files, copier, completion, new RetryBackoff(timeProvider), logger),
            logger);
    }
}

using LinkService.Configuration.Folders;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.SetAside;
using LinkService.Validation.Checking;
using LinkService.Validation.Report;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LinkService.Validation;

/// <summary>Runs a <see cref="ExtractCheck"/> off the caller's thread and turns its findings into a report.</summary>
internal sealed class ExtractValidator : IExtractValidator
{
    private readonly TimeProvider _time;
    private readonly ILogger<ExtractValidator> _logger;
    private readonly ValidationOptions _options;

    public ExtractValidator(TimeProvider time, ILogger<ExtractValidator> logger, IOptions<ValidationOptions> options)
    {
        _time = time;
        _logger = logger;
        _options = options.Value;
    }

    public async Task<ValidationReport> ValidateAsync(SourceDefinition source, string filePath, ValidationOutputs outputs, CancellationToken cancellationToken)
    {
        var fileName = outputs.FileName ?? Path.GetFileName(filePath);
        Log.ValidationStarted(_logger, source.Name, fileName);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();

        // The check is CPU-bound streaming with synchronous reads (faster than CsvHelper's async path); run it on the pool.
        var (result, errorsFile) = await Task.Run(() => Check(source, filePath, outputs.ErrorsFilePath, cancellationToken), cancellationToken);
        var (outcome, reasons) = ToleranceDecision.Decide(result, source.ErrorTolerance);

        // A rejected delivery goes to quarantine whole, so only an accepted one has rows set aside (and a rejects file).
        string? rejectsFile = null;
        IReadOnlyList<SetAsideRow> setAside = [];
        if (outcome == ValidationOutcome.AcceptedWithSetAside)
        {
            try
            {
                setAside = await Task.Run(() => RejectsPass.Run(source, filePath, outputs.RejectsFilePath, result.Report.SetAsideRows, result.Report.SetAsideErrorTypes, _options, cancellationToken), cancellationToken);
                rejectsFile = outputs.RejectsFilePath;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Rows that cannot be set aside safely would be lost: quarantine the whole delivery instead.
                outcome = ValidationOutcome.Rejected;
                reasons = [.. reasons, $"the rows set aside could not be recorded ({ex.GetType().Name}), so the delivery is kept whole"];
            }
        }

        var groups = result.Report.Groups;
        if (errorsFile is not null && !groups.Any(g => g.HasUnlistedRows))
        {
            // Every row is named in the report itself: a second list would only repeat it.
            File.Delete(errorsFile);
            errorsFile = null;
        }

        var report = new ValidationReport
        {
            SourceName = source.Name,
            SchemaName = source.SchemaOrThrow.Name,
            FileName = fileName,
            Outcome = outcome,
            RowsRead = result.Rows,
            Bytes = result.FileBytes,
            DecompressedBytes = result.TextBytes,
            Labels = result.Labels,
            ErrorCounts = new Dictionary<string, long>(result.Report.Counts, StringComparer.Ordinal),
            ErrorGroups = groups,
            ErrorsFile = errorsFile,
            ErrorsFileStopsAt = errorsFile is not null && result.Report.ListTruncated ? result.Report.Listed : null,
            Errors = [.. result.Report.Errors],
            SetAsideRows = outcome == ValidationOutcome.AcceptedWithSetAside ? [.. result.Report.SetAsideRows] : [],
            SetAside = outcome == ValidationOutcome.AcceptedWithSetAside ? setAside : [],
            RejectionReasons = reasons,
            RejectsFile = rejectsFile,
            StartedAt = startedAt,
            Duration = _time.GetElapsedTime(started),
        };

        if (result.SpilledRuns > 0)
        {
            Log.KeysSpilled(_logger, fileName, result.SpilledRuns);
        }

        var outcomeName = ReportJson.OutcomeName(outcome);
        var errorCount = report.ErrorCount;
        var elapsedMs = (long)report.Duration.TotalMilliseconds;
        Log.ValidationFinished(_logger, source.Name, fileName, outcomeName, report.RowsRead, errorCount, report.SetAsideRows.Count, elapsedMs);
        if (outcome == ValidationOutcome.Rejected)
        {
            Log.DeliveryRejected(_logger, source.Name, fileName, reasons.Count);
        }

        return report;
    }

    /// <summary>The check, writing every row error to <paramref name="errorsPath"/> as it goes; with the list's path if one was written.</summary>
    private (CheckResult Result, string? ErrorsFile) Check(SourceDefinition source, string filePath, string? errorsPath, CancellationToken cancellationToken)
    {
        if (errorsPath is null)
        {
            return (new ExtractCheck(source, _options).Run(filePath, cancellationToken), null);
        }

        CheckResult result;
        using (var writer = new StreamWriter(OwnFile.Create(errorsPath), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            result = new ExtractCheck(source, _options, writer).Run(filePath, cancellationToken);
        }

        if (result.Report.Listed > 0)
        {
            return (result, errorsPath);
        }

        File.Delete(errorsPath);
        return (result, null);
    }
}

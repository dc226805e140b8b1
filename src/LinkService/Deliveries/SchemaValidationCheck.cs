using System.Text.Json.Nodes;
using LinkService.Configuration.Folders;
using LinkService.Deliveries.Store;
using LinkService.Hosting;
using LinkService.Intake.Checks;
using LinkService.Validation;
using LinkService.Validation.Report;

namespace LinkService.Deliveries;

/// <summary>Intake's check on a stored delivery: validation against its source's Table Schema.</summary>
internal sealed class SchemaValidationCheck : IDeliveryCheck
{
    private readonly IExtractValidator _validator;
    private readonly ServicePaths _paths;

    public SchemaValidationCheck(IExtractValidator validator, ServicePaths paths)
    {
        _validator = validator;
        _paths = paths;
    }

    public async Task<DeliveryCheckResult> CheckAsync(StoredDelivery delivery, CancellationToken cancellationToken)
    {
        // Set-aside rows are kept whole beside the other quarantined files of the source.
        var rejects = QuarantineFiles.Rejects(_paths, delivery.Source.Name, delivery.DeliveryId);

        // Every row error, for the receipt to publish when it cannot name them all; beside the rejects, in the service's own area.
        var errors = QuarantineFiles.Errors(_paths, delivery.Source.Name, delivery.DeliveryId);
        ValidationReport report;
        try
        {
            report = await _validator.ValidateAsync(delivery.Source, delivery.StoredPath, new ValidationOutputs(rejects, delivery.OriginalName, errors), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Intake logs a failed check with its exception; a library's message may quote the row it failed on.
            throw SafeReason.Strip(ex);
        }

        return new DeliveryCheckResult
        {
            Accepted = report.IsAccepted,
            Reasons = report.RejectionReasons,
            Report = JsonNode.Parse(report.ToJson()),
            Summary = report.ToSummaryText(),
            ErrorsFile = report.ErrorsFile,
            ErrorsFileStopsAt = report.ErrorsFileStopsAt,
            SetAsideRows = report.SetAside,
            AcceptedRows = report.RowsRead - report.SetAsideRows.Count,
        };
    }
}

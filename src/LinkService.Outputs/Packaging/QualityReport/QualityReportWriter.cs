using System.Text.Json;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>Writes the linkage quality report from the run's figures: the HTML page and the same figures as JSON.</summary>
internal static class QualityReportWriter
{
    public static async Task WriteAsync(OutputRequest request, PackageHeading heading, string outputFolder, CancellationToken cancellationToken)
    {
        var (quality, model) = await RunFigures.ReadAsync(request.RunFolder, cancellationToken);
        var figures = QualityFigures.From(request, heading, quality, model);
        await OutputText.WriteAsync(Path.Combine(outputFolder, OutputFiles.QualityReportHtml), QualityPage.Render(figures), cancellationToken);
        await OutputText.WriteAsync(Path.Combine(outputFolder, OutputFiles.QualityReportJson), JsonSerializer.Serialize(figures, JsonOptions.Serializer) + "\n", cancellationToken);
    }
}

namespace LinkService.Outputs.Packaging.QualityReport;

/// <summary>One bar of a horizontal bar chart: its label, its value, the text shown beside it, and its CSS class.</summary>
internal sealed record Bar(string Label, double Value, string ValueText, string Class = "bar");

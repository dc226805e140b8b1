using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Packaging;

/// <summary>One file of an output as the package and the dictionary describe it; <see cref="Table"/> for a CSV.</summary>
/// <param name="Path">Relative to the output folder, with '/' separators.</param>
internal sealed record PackagedFile(string Path, string Title, string Description, string MediaType, OutputTable? Table);

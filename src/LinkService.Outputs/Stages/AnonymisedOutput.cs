namespace LinkService.Outputs.Stages;

/// <summary>The de-identified record files the anonymise stage wrote into the output folder.</summary>
public sealed record AnonymisedOutput(IReadOnlyList<OutputTable> Files);

namespace LinkService.Synth.Departments;

internal enum DuplicateKind
{
    /// <summary>The same person recorded again with the same identifiers (another claim, another visit).</summary>
    Repeat,

    /// <summary>The same person under an alias: a variant name or date of birth, and a new record key.</summary>
    Alias,
}

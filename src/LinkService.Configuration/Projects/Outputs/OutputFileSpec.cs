using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>One de-identified record file: the rows of one source, keyed by pseudonyms, with chosen content columns.</summary>
public sealed class OutputFileSpec : IValidatableConfig, ICatalogAwareConfig
{
    /// <summary>The output columns every file begins with, ahead of the chosen ones.</summary>
    public const string PersonColumn = "person_pseudonym";

    /// <inheritdoc cref="PersonColumn"/>
    public const string RecordColumn = "record_pseudonym";

    /// <summary>The source whose accepted rows the file carries.</summary>
    public required string Source { get; init; }

    /// <summary>The file's name in the output; default <c>&lt;source&gt;.csv</c>.</summary>
    public string? FileName { get; init; }

    /// <summary>The content columns chosen, in output order, each through its transform.</summary>
    public IReadOnlyList<OutputColumnSpec> Columns { get; init; } = [];

    /// <summary>k-anonymity over quasi-identifiers among the chosen columns; absent: none applied.</summary>
    public KAnonymitySpec? KAnonymity { get; init; }

    /// <summary>The file's name in the output folder.</summary>
    public string OutputFileName => FileName ?? Source + ".csv";

    public void Validate(ConfigErrors errors, string path) => OutputFileSpecRules.Validate(this, errors, path);

    public void ValidateAgainst(ConfigCatalog catalog, ConfigErrors errors, string path) => OutputFileSpecRules.ValidateAgainst(this, catalog, errors, path);
}

using LinkService.Configuration.Loading;

namespace LinkService.Configuration.Projects.Outputs;

/// <summary>One de-identified record file: the rows of one source, keyed by pseudonyms, with chosen content columns.</summary>
public sealed class OutputFileSpec : IValidatableConfig
{
    /// <summary>The source whose accepted rows the file carries.</summary>
    public required string Source { get; init; }

    public void Validate(ConfigErrors errors, string path)
    {
    }
}

namespace LinkService.Configuration.Loading;

/// <summary>
/// A configuration object that checks its own meaning (ranges, references within the file)
/// after its shape has been checked. <paramref name="path"/> is this object's JSON path,
/// for example <c>$.linkage.comparisons[2]</c>.
/// </summary>
public interface IValidatableConfig
{
    void Validate(ConfigErrors errors, string path);
}

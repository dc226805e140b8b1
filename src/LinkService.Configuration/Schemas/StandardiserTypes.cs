using LinkService.Configuration.Loading;
using LinkService.Configuration.Projects.Linkage;

namespace LinkService.Configuration.Schemas;

/// <summary>
/// The field types each standardiser can read. Given another (an email standardiser on an integer column, a date of
/// birth typed <c>year</c>), it finds no value it can clean, and the source is missing the field in every record: the
/// project links without it and nothing says so. So a mismatch is a configuration error.
/// </summary>
public static class StandardiserTypes
{
    private static readonly FieldType[] Any = Enum.GetValues<FieldType>();

    public static IReadOnlyList<FieldType> Reads(StandardiseAs kind) => kind switch
    {
        StandardiseAs.Auto or StandardiseAs.Text => Any,
        StandardiseAs.Date => [FieldType.Date, FieldType.Datetime, FieldType.String],

        // Codes and numbers written in digits: a sex coded 1 or 2, a reference or phone number held as an integer.
        StandardiseAs.Sex or StandardiseAs.Reference or StandardiseAs.UpperAlnum or StandardiseAs.Phone => [FieldType.String, FieldType.Integer],
        _ => [FieldType.String],
    };

    public static bool CanRead(StandardiseAs kind, FieldType type) => Reads(kind).Contains(type);

    /// <summary>A field of the custodian's own whose declared standardiser cannot read its type.</summary>
    public static string Cannot(SchemaField field, StandardiseAs kind) =>
        $"field '{field.Name}': the standardiser '{ConfigJson.EnumName(kind)}' cannot read a field of type '{ConfigJson.EnumName(field.Type)}' {What(kind)}";

    /// <summary>A source's field feeding a project's field whose standardiser cannot read the source field's type.</summary>
    public static string Cannot(string source, string field, SchemaField from, StandardiseAs kind) =>
        $"source '{source}' feeds '{field}' from its field '{from.Name}' of type '{ConfigJson.EnumName(from.Type)}', which the standardiser '{ConfigJson.EnumName(kind)}' cannot read {What(kind)}";

    private static string What(StandardiseAs kind) =>
        "(it reads " + string.Join(", ", Reads(kind).Select(ConfigJson.EnumName)) + "): every value would be missing";
}

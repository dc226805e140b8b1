using System.Globalization;
using System.Text;
using LinkService.Configuration;
using LinkService.Configuration.Loading;
using LinkService.Configuration.Sources;

namespace LinkService.Deliveries.Tests.Support;

/// <summary>Offender deliveries in the default configuration's justice schema, one row per person number.</summary>
internal static class Offenders
{
    public const string Header = "offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date";

    public static ConfigCatalog Catalog { get; } = ConfigCatalogLoader.Load(Path.Combine(AppContext.BaseDirectory, "config")).Catalog!;

    /// <summary>The justice source, but setting up to half the rows aside, so that small deliveries with bad rows are accepted.</summary>
    public static SourceDefinition Source(bool header = true, string encoding = "utf-8", Compression compression = Compression.None)
    {
        var justice = Catalog.Sources["justice"];
        return new SourceDefinition
        {
            Name = "justice",
            Schema = justice.Schema,
            ResolvedSchema = justice.ResolvedSchema,
            FilePattern = justice.FilePattern,
            Dialect = new CsvDialect { Header = header, Encoding = encoding },
            Compression = compression,
            ErrorTolerance = new ErrorTolerance { Mode = ToleranceMode.SetAside, MaxShare = 0.5 },
        };
    }

    public static string Key(int person) => string.Create(CultureInfo.InvariantCulture, $"OFF{10_000_000 + person:D8}");

    /// <summary>A valid row for <paramref name="person"/>; <paramref name="forenames"/> as written (quoted or not).</summary>
    public static string Row(int person, string forenames = "Ada Mary", string dateOfBirth = "01/02/1980") =>
        string.Create(CultureInfo.InvariantCulture, $"{Key(person)},Surname{person},{forenames},{dateOfBirth},F,AB1 2CD,QQ{person:D6}C,theft,custody,12,01/06/2024");

    public static string Write(string path, string text, bool byteOrderMark = false)
    {
        File.WriteAllText(path, text, new UTF8Encoding(byteOrderMark));
        return path;
    }
}

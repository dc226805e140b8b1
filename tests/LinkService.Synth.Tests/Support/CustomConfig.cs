using LinkService.Configuration;
using LinkService.Configuration.Loading;

namespace LinkService.Synth.Tests.Support;

/// <summary>
/// A configuration unlike the default one: a tab-separated UTF-16 source without a header, whose
/// schema uses the other canonical fields and identifiers of its own (email, phone), requires identifiers, constrains them with patterns and
/// has every content type.
/// </summary>
public static class CustomConfig
{
    public const string Schema = """
        {
          "fields": [
            { "name": "patient_no", "type": "string", "constraints": { "required": true, "unique": true }, "linkage": { "role": "key" } },
            { "name": "nhs", "type": "string", "constraints": { "required": true, "pattern": "[0-9]{10}" }, "linkage": { "role": "identifier", "canonical": "reference_number" } },
            { "name": "name", "type": "string", "constraints": { "required": true, "maxLength": 30 }, "linkage": { "role": "identifier", "canonical": "full_name" } },
            { "name": "dob", "type": "date", "format": "%Y%m%d", "constraints": { "required": true, "minimum": "1930-01-01" }, "linkage": { "role": "identifier", "canonical": "date_of_birth" } },
            { "name": "gender", "type": "string", "constraints": { "required": true, "enum": ["Male", "Female"] }, "linkage": { "role": "identifier", "canonical": "sex" } },
            { "name": "address", "type": "string", "linkage": { "role": "identifier", "canonical": "address_line" } },
            { "name": "town", "type": "string", "linkage": { "role": "identifier", "canonical": "locality" } },
            { "name": "postcode", "type": "string", "constraints": { "required": true, "pattern": "[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}" }, "linkage": { "role": "identifier", "canonical": "postcode" } },
            { "name": "ni", "type": "string", "constraints": { "required": true, "maxLength": 9, "pattern": "[A-Z]{2}[0-9]{6}[A-D]" }, "linkage": { "role": "identifier", "canonical": "ni_number" } },
            { "name": "admitted", "type": "datetime" },
            { "name": "emergency", "type": "boolean", "constraints": { "required": true } },
            { "name": "first_seen", "type": "year", "constraints": { "minimum": 2000, "maximum": 2020 } },
            { "name": "ward", "type": "string", "constraints": { "pattern": "W[0-9]{4}" } },
            { "name": "cost", "type": "number", "constraints": { "minimum": 10.5, "maximum": 20 } },
            { "name": "visits", "type": "integer", "constraints": { "required": true, "minimum": 1, "maximum": 3 } },
            { "name": "email", "type": "string", "linkage": { "role": "identifier", "canonical": "email", "standardiser": "email" } },
            { "name": "mobile", "type": "string", "linkage": { "role": "identifier", "canonical": "mobile", "standardiser": "phone" } }
          ],
          "primaryKey": ["patient_no"]
        }
        """;

    public const string Source = """
        { "schema": "patients", "filePattern": "patients-????.tsv",
          "dialect": { "delimiter": "\t", "header": false, "encoding": "utf-16le" } }
        """;

    public static ConfigCatalog Load(TempDirectory dir)
    {
        Write(dir, "schemas/patients.json", Schema);
        Write(dir, "sources/health.json", Source);
        Directory.CreateDirectory(Path.Combine(dir.Path, "projects"));
        var result = ConfigCatalogLoader.Load(dir.Path);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    private static void Write(TempDirectory dir, string relative, string text)
    {
        var path = Path.Combine(dir.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

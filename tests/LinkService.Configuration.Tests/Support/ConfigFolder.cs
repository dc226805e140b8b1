namespace LinkService.Configuration.Tests.Support;

/// <summary>Builds small configuration folders: one valid source, schema and project unless told otherwise.</summary>
internal static class ConfigFolder
{
    public const string Schema = """
        {
          "fields": [
            { "name": "id", "type": "string", "constraints": { "required": true, "unique": true }, "linkage": { "role": "key" } },
            { "name": "forename", "type": "string", "linkage": { "role": "identifier", "canonical": "forename" } },
            { "name": "surname", "type": "string", "linkage": { "role": "identifier", "canonical": "surname" } },
            { "name": "sex", "type": "string", "linkage": { "role": "identifier", "canonical": "sex" } },
            { "name": "postcode", "type": "string", "linkage": { "role": "identifier", "canonical": "postcode" } },
            { "name": "dob", "type": "date", "format": "%d/%m/%Y", "linkage": { "role": "identifier", "canonical": "date_of_birth" } },
            { "name": "benefit", "type": "string", "constraints": { "enum": ["A", "B"] } }
          ],
          "primaryKey": ["id"]
        }
        """;

    public static string Source(string schema = "people") => $$"""
        { "schema": "{{schema}}", "filePattern": "people_*.csv" }
        """;

    public const string Project = """
        { "sources": ["alpha", "beta"], "mode": "link", "schedule": "0 0 2 * * ?", "linkage": {} }
        """;

    public static TempDirectory CreateValid()
    {
        var dir = new TempDirectory();
        dir.Write("schemas/people.json", Schema);
        dir.Write("sources/alpha.json", Source());
        dir.Write("sources/beta.json", Source());
        dir.Write("projects/match.json", Project);
        return dir;
    }
}

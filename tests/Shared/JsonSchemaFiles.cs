using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkService.Testing;

/// <summary>
/// The JSON Schemas shipped in docs/json-schema/, held to what the configuration classes generate. A test that finds
/// one out of date says so; run it with LINKSERVICE_WRITE_JSON_SCHEMAS=1 to write the generated one in its place.
/// </summary>
internal static class JsonSchemaFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The repository's docs/json-schema/, found from this source file (tests/Shared/).</summary>
    public static string Folder() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "docs", "json-schema"));

    /// <summary>The committed schema's text and the generated one's, after writing the generated one if asked to.</summary>
    public static (string Committed, string Generated) Compare(string fileName, JsonObject generated)
    {
        var file = Path.Combine(Folder(), fileName);
        var text = generated.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("LINKSERVICE_WRITE_JSON_SCHEMAS") == "1")
        {
            File.WriteAllText(file, text);
        }

        return (File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "", text);
    }

    private static string ThisFile([CallerFilePath] string here = "") => here;
}

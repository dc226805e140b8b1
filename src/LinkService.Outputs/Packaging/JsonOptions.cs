using System.Text.Encodings.Web;
using System.Text.Json;

namespace LinkService.Outputs.Packaging;

/// <summary>How the package's JSON files are written: indented, '\n' line ends, '+' and '&lt;' kept legible (never embedded in HTML).</summary>
internal static class JsonOptions
{
    public static JsonWriterOptions Writer { get; } = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Serializer { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

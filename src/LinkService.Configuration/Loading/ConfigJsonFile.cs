using System.Text.Json;

namespace LinkService.Configuration.Loading;

/// <summary>Opens one configuration file as a JSON document, the way every configuration file is parsed.</summary>
public static class ConfigJsonFile
{
    /// <summary>The parsed document (the caller disposes it), or null once the reason is recorded.</summary>
    public static JsonDocument? Parse(string file, ConfigErrors errors)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors.Add(ex.Path ?? "$", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }
        catch (IOException ex)
        {
            errors.Add("$", $"cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            errors.Add("$", $"cannot be read: {ex.Message}");
        }

        return null;
    }
}

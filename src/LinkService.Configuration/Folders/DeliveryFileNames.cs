namespace LinkService.Configuration.Folders;

/// <summary>What of a department's file name the service keeps in the names it gives a delivery's files.</summary>
public static class DeliveryFileNames
{
    /// <summary>The delivered extension (<c>.csv</c>, <c>.csv.gz</c>), kept only if it is plain letters and digits.</summary>
    public static string Extension(string originalName)
    {
        var extension = Path.GetExtension(originalName);
        if (extension.Equals(".gz", StringComparison.OrdinalIgnoreCase))
        {
            extension = Path.GetExtension(Path.GetFileNameWithoutExtension(originalName)) + extension;
        }

        return extension.Length <= 16 && extension.All(c => c == '.' || char.IsAsciiLetterOrDigit(c)) ? extension.ToLowerInvariant() : "";
    }
}

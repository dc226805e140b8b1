using System.Security.Cryptography;
using System.Text.Json;
using LinkService.Linkage.Running;

namespace LinkService.Outputs.Packaging;

/// <summary>
/// Writes <c>datapackage.json</c> (Frictionless Data Package v2): one resource per file with its path, bytes, sha256 and
/// media type, and for a table its Table Schema. The hashes are taken from the files as they are on disk, so it is
/// written after every other file; a file this process wrote and hashed as it wrote it (the record files, hundreds of
/// megabytes) is not read back, unless its size on disk is not the size written.
/// </summary>
internal static class DataPackageWriter
{
    private const string Profile = "https://datapackage.org/profiles/2.0/datapackage.json";

    public static async Task WriteAsync(
        string outputFolder, PackageHeading heading, IReadOnlyList<PackagedFile> files, IReadOnlyDictionary<string, WrittenFile> written, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, JsonOptions.Writer))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Profile);
            json.WriteString("name", heading.Name);
            json.WriteString("title", heading.Title);
            json.WriteString("description", heading.Description);
            json.WriteString("created", heading.Created);
            json.WriteStartArray("resources");
            foreach (var file in files)
            {
                await WriteResourceAsync(json, outputFolder, file, written.GetValueOrDefault(file.Path), cancellationToken);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        await OutputText.WriteAsync(Path.Combine(outputFolder, OutputFiles.DataPackage), buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    private static async Task WriteResourceAsync(Utf8JsonWriter json, string outputFolder, PackagedFile file, WrittenFile? written, CancellationToken cancellationToken)
    {
        var full = Path.Combine(outputFolder, file.Path);
        var (bytes, hash) = written is not null && new FileInfo(full).Length == written.Bytes ? (written.Bytes, written.Sha256) : await HashAsync(full, cancellationToken);

        json.WriteStartObject();
        json.WriteString("name", PackageHeading.Slug(file.Path));
        json.WriteString("path", file.Path);
        json.WriteString("title", file.Title);
        json.WriteString("description", file.Description);
        json.WriteString("mediatype", file.MediaType);
        json.WriteString("encoding", "utf-8");
        json.WriteNumber("bytes", bytes);
        json.WriteString("hash", "sha256:" + Convert.ToHexStringLower(hash));
        if (file.Table is { } table)
        {
            var header = CsvHeader.Read(full);
            if (!header.SequenceEqual(table.Columns.Select(c => c.Name), StringComparer.Ordinal))
            {
                throw new InvalidDataException($"'{file.Path}' has the columns {string.Join(", ", header)}, but its stage described {string.Join(", ", table.Columns.Select(c => c.Name))}.");
            }

            json.WriteString("type", "table");
            json.WriteString("format", "csv");
            json.WriteStartObject("schema");
            json.WriteStartArray("fields");
            foreach (var column in table.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("type", column.Type);
                json.WriteString("description", column.Transform is null ? column.Description : $"{column.Description} ({column.Transform})");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static async Task<(long Bytes, byte[] Sha256)> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return (stream.Length, await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

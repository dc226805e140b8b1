using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Configuration.Sources;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Running;

/// <summary>
/// Reads an accepted delivery into source records: the key column becomes the record id, each identifier
/// column its canonical field (only the fields the project uses); content is never read into memory.
/// </summary>
internal static class DeliveryReader
{
    public static SourceRecords Read(LinkageInput input, LinkageSpec spec, CancellationToken cancellationToken)
    {
        var source = input.Source;
        var schema = source.SchemaOrThrow;
        var used = spec.FieldsUsed().Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        if (used.Contains(CanonicalField.MiddleNames))
        {
            used.Add(CanonicalField.Forename);
        }

        var key = schema.KeyField ?? throw new InvalidOperationException($"Schema '{schema.Name}' has no key field.");
        var identifiers = schema.Fields.Where(f => f.Role == LinkageRole.Identifier && used.Contains(f.Linkage!.Canonical!)).ToList();
        var records = new SourceRecords(source.Name, [.. identifiers.Select(f => new SourceField(f.Linkage!.Canonical!, DateFormatOf(f)))]);
        var missing = identifiers.Select(f => (f.MissingValues ?? schema.MissingValues).ToHashSet(StringComparer.Ordinal)).ToArray();

        using var reader = DeliveryText.Open(source, input.FilePath);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = source.Dialect.Delimiter,
            Quote = source.Dialect.Quote[0],
            HasHeaderRecord = source.Dialect.Header,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(reader, configuration);
        var positions = schema.Fields.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        if (source.Dialect.Header && parser.Read())
        {
            var header = parser.Record ?? [];
            positions = header.Select((name, i) => (name, i)).GroupBy(p => p.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        }

        var keyAt = positions.TryGetValue(key.Name, out var k) ? k : throw new InvalidDataException($"Delivery '{input.DeliveryId}' has no column '{key.Name}'.");
        var at = identifiers.Select(f => positions.TryGetValue(f.Name, out var p) ? p : -1).ToArray();
        var values = new string?[identifiers.Count];
        long row = 0;
        while (parser.Read())
        {
            row++;
            if ((row & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (input.ExcludedRows is { } excluded && excluded.Contains(row))
            {
                continue;
            }

            var count = parser.Count;
            for (var i = 0; i < at.Length; i++)
            {
                var value = at[i] >= 0 && at[i] < count ? parser[at[i]] : null;
                values[i] = value is null || missing[i].Contains(value) ? null : value;
            }

            records.Add(keyAt < count ? parser[keyAt] : "", values);
        }

        return records;
    }

    private static string? DateFormatOf(SchemaField field)
    {
        if (field.Type is not (FieldType.Date or FieldType.Datetime) || field.Format is null or "default" or "any")
        {
            return null;
        }

        return StrftimeFormat.TryToDotNet(field.Format, out var format, out _) ? format : null;
    }
}

using System.Diagnostics;
using LinkService.Configuration.Sources;
using LinkService.Deliveries.Reading;
using LinkService.Validation.Cells;
using LinkService.Validation.Checking;
using LinkService.Validation.Header;
using LinkService.Validation.Report;

namespace LinkService.Bench.Validation;

internal static class Profile
{
    public static void Run(SourceDefinition source, string path)
    {
        var schema = source.SchemaOrThrow;
        var batches = new List<RowBatch>();
        var sw = Stopwatch.StartNew();
        using (var reader = DeliveryReader.Open(source, path, new ReadLimits(32 << 20)))
        {
            reader.Read();
            var pending = false;
            while (batches.Count < 2000)
            {
                var b = new RowBatch();
                while (!b.IsFull && RowBatch.ReadNext(reader, ref pending)) b.Add(reader);
                if (b.Length == 0) break;
                batches.Add(b);
            }
        }
        var rows = batches.Sum(b => (long)b.Length);
        var bestParse = double.MaxValue;
        for (var rep = 0; rep < 6; rep++)
        {
            sw.Restart();
            using var reader = DeliveryReader.Open(source, path, new ReadLimits(32 << 20));
            var b = new RowBatch();
            var pending = false; long n = 0;
            while (n < rows && RowBatch.ReadNext(reader, ref pending)) { if (b.IsFull) b.Clear(); b.Add(reader); n++; }
            bestParse = Math.Min(bestParse, sw.Elapsed.TotalMilliseconds * 1e6 / rows);
        }
        Console.WriteLine($"parse+batch {rows} rows: {bestParse:F0} ns/row");
        foreach (var variant in new[] { "full", "nokeys", "nopattern", "noenum", "nodates", "none" })
        {
            var best = double.MaxValue;
            for (var rep = 0; rep < 6; rep++)
            {
                var rules = schema.Fields.Select(f => FieldRuleFactory.Create(schema, f, schema.PrimaryKey.Contains(f.Name), TimeSpan.FromSeconds(1))).ToArray();
                rules = rules.Select(r => variant switch
                {
                    "nopattern" => Clone(r, pattern: true),
                    "noenum" => Clone(r, enumToo: true),
                    "nodates" when r.Field.Type == LinkService.Configuration.Schemas.FieldType.Date => Plain(r),
                    "none" => Plain(r),
                    _ => r,
                }).ToArray();
                using var keys = new UniqueKeys(variant is "full" or "nopattern" or "noenum" or "nodates" ? schema : NoKeys(schema), 128L << 20, Path.GetTempPath());
                var report = new ReportBuilder(100);
                var checker = new RowChecker(rules, HeaderMatcher.Positional(schema), 65536, keys, report);
                sw.Restart();
                long row = 0;
                foreach (var b in batches) for (var i = 0; i < b.Length; i++) checker.Check(b, i, ++row);
                KeyDuplicates.Report(keys, report, HeaderMatcher.Positional(schema).ColumnToField, schema, default);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1e6 / rows);
            }
            Console.WriteLine($"{variant}: {best:F0} ns/row");
        }
    }

    private static LinkService.Configuration.Schemas.TableSchema NoKeys(LinkService.Configuration.Schemas.TableSchema s) =>
        new() { Fields = [.. s.Fields.Select(f => new LinkService.Configuration.Schemas.SchemaField { Name = f.Name, Type = f.Type, Format = f.Format, Linkage = f.Linkage })], Name = s.Name };

    private static FieldRule Clone(FieldRule r, bool pattern = false, bool enumToo = false) => new()
    {
        Field = r.Field, MissingValues = r.MissingValues, TypeCheck = r.TypeCheck, Required = r.Required, MinLength = r.MinLength, MaxLength = r.MaxLength,
        Pattern = pattern ? null : r.Pattern, Enum = enumToo ? null : r.Enum, MinimumNumber = r.MinimumNumber, MaximumNumber = r.MaximumNumber, MinimumTicks = r.MinimumTicks, MaximumTicks = r.MaximumTicks,
    };

    private static FieldRule Plain(FieldRule r) => new()
    {
        Field = new LinkService.Configuration.Schemas.SchemaField { Name = r.Name }, MissingValues = r.MissingValues, TypeCheck = new CellTypeCheck(new LinkService.Configuration.Schemas.SchemaField { Name = r.Name }),
    };
}

using System.Diagnostics;
using LinkService.Configuration;
using LinkService.Configuration.Projects;
using LinkService.Deliveries;
using LinkService.Deliveries.Reading;
using LinkService.Deliveries.SetAside;
using LinkService.Linkage.Running;

namespace LinkService.Bench.Linkage;

/// <summary>With --profile-read: where reading one delivery spends its time, layer by layer.</summary>
internal static class ReadProfile
{
    public static void Print(ConfigCatalog catalog, ProjectDefinition project, string dataDirectory, TextWriter output)
    {
        foreach (var name in project.Sources)
        {
            var source = catalog.Sources[name];
            var file = Directory.EnumerateFiles(Path.Combine(dataDirectory, name)).Where(f => source.MatchesFileName(Path.GetFileName(f))).Order(StringComparer.Ordinal).First();
            var mb = new FileInfo(file).Length / 1e6;
            Time(output, $"{name} bare CsvHelper ({mb:F0} MB)", mb, () =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                using var csv = CsvHelper.CsvReader.Create(stream, DeliveryReader.Options(source, ReadLimits.Default, static _ => { }, null));
                long n = 0;
                while (csv.Read())
                {
                    n += csv.FieldCount;
                }

                return n;
            });
            Time(output, $"{name} DeliveryReader rows", mb, () =>
            {
                using var reader = DeliveryReader.Open(source, file, ReadLimits.Default);
                long n = 0;
                while (reader.Read())
                {
                    n += reader.Count;
                }

                return n;
            });
            Time(output, $"{name} AcceptedRows every cell copied", mb, () =>
            {
                using var rows = AcceptedRows.Open(source, "d", file, SetAsideRows.None);
                var buffer = new char[1 << 16];
                long n = 0;
                while (rows.Read())
                {
                    for (var c = 0; c < rows.Count; c++)
                    {
                        n += rows.CopyCell(c, buffer);
                    }
                }

                return n;
            });
            // Every cell of the file in memory, then each column interned alone.
            var cells = new List<string[]>();
            using (var rows = AcceptedRows.Open(source, "d", file, SetAsideRows.None))
            {
                while (rows.Read())
                {
                    var row = new string[rows.Count];
                    for (var c = 0; c < row.Length; c++)
                    {
                        row[c] = rows[c];
                    }

                    cells.Add(row);
                }
            }

            for (var c = 0; c < cells[0].Length; c++)
            {
                var interner = new LinkService.Linkage.Data.SpanInterner();
                Time(output, $"{name} intern column {c}", mb, () =>
                {
                    foreach (var row in cells)
                    {
                        interner.Intern(row[c]);
                    }

                    return interner.Count;
                });
            }

            cells = null;
            Time(output, $"{name} SourceRecordsReader", mb, () => SourceRecordsReader.Read(new LinkageInput(source, "d", file, SetAsideRows.None), project.Linkage, CancellationToken.None).Count);
        }
    }

    private static void Time(TextWriter output, string what, double mb, Func<long> work)
    {
        GC.Collect();
        var cpu = Environment.CpuUsage.TotalTime;
        var gcs = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var result = work();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        output.WriteLine($"  {what,-45} {seconds,6:F2} s wall, CPU {cpuSeconds,6:F2} s, {mb / cpuSeconds,6:F0} MB per CPU-second, gen0 GCs {GC.CollectionCount(0) - gcs} ({result})");
    }
}

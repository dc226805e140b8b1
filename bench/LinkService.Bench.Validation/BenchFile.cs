using System.Diagnostics;
using System.Globalization;

namespace LinkService.Bench.Validation;

/// <summary>Writes the synthetic extract unless a big enough one is already there (kept with --keep).</summary>
internal static class BenchFile
{
    public static void Ensure(string path, int sizeMb)
    {
        var bytes = sizeMb * (1L << 20);
        if (File.Exists(path) && new FileInfo(path).Length >= bytes)
        {
            return;
        }

        var sw = Stopwatch.StartNew();
        var rows = PlainExtractWriter.Write(path, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows:N0} rows to {path} in {sw.Elapsed.TotalSeconds:F1} s"));
    }
}

using System.IO.Compression;
using System.Text;

namespace LinkService.Validation.Tests.Support;

/// <summary>Writes the corpus cases too large to commit, at run time, into a test's temp folder.</summary>
public static class CorpusGenerator
{
    public const string Header = "person_id,surname,forename,date_of_birth,sex,postcode,weekly_amount,children,region,start_date,employed,notes";

    public static string Row(int i, string notes = "") =>
        $"P{100000 + i:D6},Quibblethwaite,Aurelio,13/07/1971,M,ZZ9 9ZZ,120.50,2,north,2020-01-31,true,{notes}";

    public static void Generate(string kind, string path)
    {
        switch (kind)
        {
            case "gzip-bomb":
                WriteGzipBomb(path, decompressedBytes: 64L << 20);
                break;
            case "field-10mb":
                File.WriteAllText(path, $"{Header}\n{Row(1)}\n{Row(2, new string('x', 10 << 20))}\n{Row(3)}\n");
                break;
            case "runaway-quote":
                using (var writer = new StreamWriter(path))
                {
                    writer.Write($"{Header}\n{Row(1)}\n{Row(2, "\"opened")}\n");
                    for (var i = 3; i < 40_000; i++)
                    {
                        writer.Write(Row(i));
                        writer.Write('\n');
                    }
                }

                break;
            default:
                throw new ArgumentException($"No generator for '{kind}'.", nameof(kind));
        }
    }

    /// <summary>A valid header and rows, then zeros: tens of kilobytes that inflate to <paramref name="decompressedBytes"/>.</summary>
    public static void WriteGzipBomb(string path, long decompressedBytes)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write(Encoding.UTF8.GetBytes(Header + "\n" + string.Concat(Enumerable.Range(1, 200).Select(i => Row(i) + "\n"))));
        var zeros = new byte[1 << 20];
        for (long written = 0; written < decompressedBytes; written += zeros.Length)
        {
            gzip.Write(zeros);
        }
    }
}

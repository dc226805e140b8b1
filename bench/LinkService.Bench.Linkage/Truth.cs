using System.Globalization;
using LinkService.Linkage.Data;

namespace LinkService.Bench.Linkage;

/// <summary>truth.csv (source,record_id,person_id) as a person number per record of the table; -1 where unknown.</summary>
internal static class Truth
{
    public static int[] Read(string path, RecordTable table)
    {
        var index = new Dictionary<(string, string), int>();
        for (var i = 0; i < table.Count; i++)
        {
            index[(table.SourceNames[table.Source[i]], new string(table.RecordId(i)))] = i;
        }

        var truth = Enumerable.Repeat(-1, table.Count).ToArray();
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 3 && index.TryGetValue((cells[0], cells[1]), out var record))
            {
                if (!people.TryGetValue(cells[2], out var person))
                {
                    people[cells[2]] = person = people.Count;
                }

                truth[record] = person;
            }
        }

        return truth;
    }
}

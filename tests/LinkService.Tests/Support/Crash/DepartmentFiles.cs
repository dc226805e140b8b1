using System.Text;
using LinkService.Ledger.Deliveries;

namespace LinkService.Tests.Support.Crash;

/// <summary>
/// What three departments send over the crash test, in order: justice and welfare (the project's sources, small
/// extracts, so that runs are quick) and courts (a source no project links, about a megabyte an extract, so that its
/// copying and checking last long enough for a kill to fall inside them): each month's good extract, a broken one, a
/// resend of an earlier one, and a file the landing zone refuses by its name.
/// </summary>
internal static class DepartmentFiles
{
    public const string Courts = "courts";

    public static IReadOnlyList<DeliveredFile> InOrder()
    {
        var november = Extracts.ForPeople(300);
        var december = Extracts.ForPeople(320);
        var january = Extracts.ForPeople(340);
        var courtsNovember = Extracts.ForPeople(10_000).JusticeCsv;
        var courtsDecember = Extracts.ForPeople(10_500).JusticeCsv;
        return
        [
            Good("justice", "offenders_20261101.csv", november.JusticeCsv),
            Good("welfare", "claims_20261101.csv", november.WelfareCsv),
            Good(Courts, "hearings_20261101.csv", courtsNovember),
            Bad("justice", "offenders_20261102.csv", november.JusticeCsv, ',', "date_of_birth"),
            Resent("welfare", "claims_20261101_resent.csv", november.WelfareCsv, "claims_20261101.csv"),
            Bad(Courts, "hearings_20261102.csv", courtsNovember, ',', "sex"),
            Good("justice", "offenders_20261201.csv", december.JusticeCsv),
            Refused(Courts, "hearings_20261201.xlsx", november.JusticeCsv),
            Good("welfare", "claims_20261201.csv", december.WelfareCsv),
            Good(Courts, "hearings_20261201.csv", courtsDecember),
            Bad("welfare", "claims_20261202.csv", december.WelfareCsv, '|', "birth_date"),
            Resent("justice", "offenders_20261201_again.csv", december.JusticeCsv, "offenders_20261201.csv"),
            Resent(Courts, "hearings_20261101_copy.csv", courtsNovember, "hearings_20261101.csv"),
            Good(Courts, "hearings_20270101.csv", Extracts.ForPeople(11_000).JusticeCsv),
            Good("justice", "offenders_20270101.csv", january.JusticeCsv),
            Good("welfare", "claims_20270101.csv", january.WelfareCsv),
        ];
    }

    /// <summary>Whether the file is one of the long ones to copy and check.</summary>
    public static bool IsLarge(DeliveredFile file) => file.Source == Courts && file.Expected != DeliveryState.Refused;

    private static DeliveredFile Good(string source, string name, string csv) => new(source, name, Encoding.UTF8.GetBytes(csv), DeliveryState.Accepted);

    private static DeliveredFile Resent(string source, string name, string csv, string first) =>
        new(source, name, Encoding.UTF8.GetBytes(csv), DeliveryState.Duplicate, first);

    private static DeliveredFile Refused(string source, string name, string csv) => new(source, name, Encoding.UTF8.GetBytes(csv), DeliveryState.Refused);

    /// <summary>The extract with <paramref name="column"/> made nonsense in every row: far past any tolerance, so rejected.</summary>
    private static DeliveredFile Bad(string source, string name, string csv, char delimiter, string column)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var at = Array.IndexOf(lines[0].Split(delimiter), column);
        var broken = lines.Select((line, i) =>
        {
            if (i == 0)
            {
                return line;
            }

            var cells = line.Split(delimiter);
            cells[at] = "??";
            return string.Join(delimiter, cells);
        });
        return new(source, name, Encoding.UTF8.GetBytes(string.Join('\n', broken) + "\n"), DeliveryState.Rejected);
    }
}

using System.Globalization;
using System.Text;

namespace LinkService.Linkage.Tests.Support;

/// <summary>
/// FEBRL 4a and 4b rewritten as the default sources' deliveries (4a as a justice offender extract, 4b as a
/// welfare claims extract), so the runner reads real-looking files in each source's dialect and date format.
/// </summary>
internal static class FebrlDeliveries
{
    public static string WriteJustice(string folder)
    {
        var path = Path.Combine(folder, "offenders_1.csv");
        var sb = new StringBuilder("offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\n");
        foreach (var r in Rows("dataset4a.csv"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Id},{r.Surname},{r.GivenName},{Date(r.Dob, "dd/MM/yyyy")},U,{r.Postcode},,theft,fine,,\n");
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    public static string WriteWelfare(string folder)
    {
        var path = Path.Combine(folder, "claims_1.csv");
        var sb = new StringBuilder("claim_ref|nino|first_name|middle_names|last_name|birth_date|gender|postcode|benefit_type|claim_start|claim_end|weekly_amount\n");
        foreach (var r in Rows("dataset4b.csv"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Id}||{r.GivenName}||{r.Surname}|{Date(r.Dob, "yyyy-MM-dd")}|Not known|{r.Postcode}|JSA|2020-01-01||80\n");
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>The person behind a FEBRL record id (rec-12-org and rec-12-dup-0 are person 12).</summary>
    public static int Person(string recordId) => int.Parse(recordId.Split('-')[1], CultureInfo.InvariantCulture);

    private static string Date(string yyyymmdd, string format) =>
        DateTime.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString(format, CultureInfo.InvariantCulture) : "";

    private static IEnumerable<(string Id, string GivenName, string Surname, string Postcode, string Dob)> Rows(string file)
    {
        foreach (var line in File.ReadLines(Febrl.PathOf(file)).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split(',').Select(x => x.Trim()).ToArray();
            yield return (c[0], c[1], c[2], c[7], c[9]);
        }
    }
}

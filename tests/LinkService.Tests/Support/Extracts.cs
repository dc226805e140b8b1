using System.Globalization;
using System.Text;

namespace LinkService.Tests.Support;

/// <summary>
/// Small extracts for the two default sources describing the same people, clean but for the differences
/// between departments (date formats, sex codes, name columns), with every identifier value remembered
/// so tests can prove none of them leaks.
/// </summary>
internal sealed class Extracts
{
    private static readonly string[] Forenames =
        ["Persephone", "Barnaby", "Ottoline", "Leopold", "Clementine", "Ambrose", "Wilhelmina", "Cornelius", "Henrietta", "Septimus"];

    private static readonly string[] Surnames =
        ["Quatermain", "Fennimore", "Ravenscroft", "Thistlewood", "Abernethy", "Pemberton", "Winterbottom", "Hargreaves", "Blackwood", "Fairweather",
         "Ollerenshaw", "Sidebottom", "Cholmondeley", "Featherstonehaugh", "Marjoribanks", "Postlethwaite", "Higginbottom", "Braithwaite", "Shufflebottom", "Gotobed"];

    private Extracts(IReadOnlyList<string> identifiers, string justice, string welfare)
    {
        IdentifierValues = identifiers;
        JusticeCsv = justice;
        WelfareCsv = welfare;
    }

    /// <summary>Every name, date of birth (in both formats), postcode and reference written.</summary>
    public IReadOnlyList<string> IdentifierValues { get; }

    public string JusticeCsv { get; }

    public string WelfareCsv { get; }

    public static Extracts ForPeople(int people)
    {
        var inv = CultureInfo.InvariantCulture;
        var identifiers = new List<string>();
        var justice = new StringBuilder("offender_id,surname,forenames,date_of_birth,sex,postcode,ni_number,offence_group,sentence_type,sentence_months,release_date\n");
        var welfare = new StringBuilder("claim_ref|nino|first_name|middle_names|last_name|birth_date|gender|postcode|benefit_type|claim_start|claim_end|weekly_amount\n");
        for (var i = 0; i < people; i++)
        {
            var forename = Forenames[i % Forenames.Length];
            var surname = Surnames[i / Forenames.Length % Surnames.Length];
            var dob = new DateOnly(1960, 1, 1).AddDays(i * 97 % 14000);
            var female = i % 2 == 0;
            var postcode = $"ZX{i % 90 + 1} {i % 9 + 1}Q{(char)('A' + (i % 26))}";
            var nino = $"QQ{i:D6}C";
            var offender = $"OFF{i + 10_000_000:D8}";
            var claim = $"C{i + 300_000_000:D9}";
            identifiers.AddRange([forename, surname, dob.ToString("dd/MM/yyyy", inv), dob.ToString("yyyy-MM-dd", inv), postcode, nino, offender, claim]);
            justice.Append(inv, $"{offender},{surname},{forename},{dob:dd/MM/yyyy},{(female ? "F" : "M")},{postcode},{nino},theft,custody,{i % 48},01/06/2024\n");
            welfare.Append(inv, $"{claim}|{nino}|{forename}||{surname}|{dob:yyyy-MM-dd}|{(female ? "Female" : "Male")}|{postcode}|UC|2024-07-01||{80 + (i % 40)}.50\n");
        }

        return new Extracts(identifiers.Distinct(StringComparer.Ordinal).ToList(), justice.ToString(), welfare.ToString());
    }

    /// <summary>The record keys of person <paramref name="i"/> in each source.</summary>
    public static (string Offender, string Claim) KeysOf(int i) => ($"OFF{i + 10_000_000:D8}", $"C{i + 300_000_000:D9}");
}

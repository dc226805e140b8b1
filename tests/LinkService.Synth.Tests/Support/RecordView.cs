using System.Globalization;
using LinkService.Synth.Departments;

namespace LinkService.Synth.Tests.Support;

/// <summary>
/// One generated record of the default configuration as both departments' columns mean it, read back from the
/// written files: names split into forename and middle names, surname in capitals, date of birth parsed, sex as
/// M/F/U, NI number without spaces, and truth.csv's person and variations.
/// </summary>
internal sealed record RecordView(
    string Source, string Key, string Person, string Forename, string[] Middles, string Surname, DateOnly? BirthDate, char Sex, string Postcode, string Ni, Variation Variations)
{
    public bool Has(Variation variation) => (Variations & variation) != 0;

    /// <summary>Every record of both default sources, with its truth.</summary>
    public static List<RecordView> All(GeneratedExtracts generated)
    {
        var truth = generated.Truth.Skip(1).ToDictionary(t => (t[0], t[1]), t => (Person: t[2], Variations: VariationNames.Parse(t[3])));
        var views = new List<RecordView>();
        foreach (var r in generated.Records["justice"])
        {
            var (person, variations) = truth[("justice", r["offender_id"])];
            var names = r["forenames"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            views.Add(new RecordView(
                "justice", r["offender_id"], person, names.FirstOrDefault() ?? "", names.Skip(1).ToArray(), r["surname"].ToUpperInvariant(),
                Date(r["date_of_birth"], "dd/MM/yyyy"), r["sex"] is [var s] ? s : ' ', r["postcode"], r["ni_number"].Replace(" ", "", StringComparison.Ordinal), variations));
        }

        foreach (var r in generated.Records["welfare"])
        {
            var (person, variations) = truth[("welfare", r["claim_ref"])];
            views.Add(new RecordView(
                "welfare", r["claim_ref"], person, r["first_name"], r["middle_names"].Split(' ', StringSplitOptions.RemoveEmptyEntries), r["last_name"].ToUpperInvariant(),
                Date(r["birth_date"], "yyyy-MM-dd"), r["gender"] is { Length: > 0 } g ? g[0] is 'N' ? 'U' : g[0] : ' ', r["postcode"], r["nino"], variations));
        }

        return views;
    }

    private static DateOnly? Date(string text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

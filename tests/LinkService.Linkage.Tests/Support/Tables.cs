using LinkService.Configuration.Projects.Linkage;
using LinkService.Configuration.Schemas;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Tests.Support;

/// <summary>Small record tables written out by hand: one source per array, each record a (surname, date of birth) pair.</summary>
internal static class Tables
{
    public static RecordTable Of(params (string Surname, string Dob)[][] sources)
    {
        var records = sources.Select((rows, s) =>
        {
            var source = new SourceRecords($"s{s}", [new SourceField(CanonicalField.Surname), new SourceField(CanonicalField.DateOfBirth)]);
            for (var i = 0; i < rows.Length; i++)
            {
                source.Add($"r{i}", [rows[i].Surname, rows[i].Dob]);
            }

            return source;
        }).ToList();
        return RecordTableBuilder.Build(Spec, records, CancellationToken.None);
    }

    public static LinkageSpec Spec { get; } = new()
    {
        Blocking = [new() { Keys = [new() { Field = CanonicalField.Surname }] }, new() { Keys = [new() { Field = CanonicalField.DateOfBirth }] }],
        Comparisons =
        [
            new() { Field = CanonicalField.Surname, Levels = [new() { Method = ComparisonMethod.Exact }] },
            new() { Field = CanonicalField.DateOfBirth, Levels = [new() { Method = ComparisonMethod.Exact }] },
        ],
    };
}

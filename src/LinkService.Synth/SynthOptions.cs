using System.Globalization;
using LinkService.Configuration;
using LinkService.Synth.Departments;
using LinkService.Synth.Population;

namespace LinkService.Synth;

/// <summary>What <see cref="SyntheticExtracts.WriteAsync"/> generates.</summary>
public sealed class SynthOptions
{
    /// <summary>The size of the synthetic population. Default 10,000.</summary>
    public int People { get; init; } = 10_000;

    /// <summary>The seed: the same seed, population and counts give byte-identical files. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Exact record counts per source name, overriding each department's usual share of the population
    /// (justice about 30% of people plus aliases, welfare about 90% plus repeat claims). A source not
    /// named keeps its usual share.
    /// </summary>
    public IReadOnlyDictionary<string, long>? RecordsPerSource { get; init; }

    /// <summary>
    /// The same sources' deliveries a month later: every record again under its key, 5 % of the people with changed
    /// details, and records for 10 % new people (see <c>Population/NextMonth.cs</c>). Default false.
    /// </summary>
    public bool SecondMonth { get; init; }

    /// <summary>Every problem with these options for this configuration; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate(ConfigCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        if (People < 1)
        {
            problems.Add("people must be at least 1");
        }

        if (catalog.Sources.Count == 0)
        {
            problems.Add("the configuration has no sources to generate");
        }

        foreach (var (source, records) in RecordsPerSource ?? new Dictionary<string, long>())
        {
            if (!catalog.Sources.ContainsKey(source))
            {
                problems.Add($"records are asked for source '{source}', which is not configured");
            }

            if (records < 0)
            {
                problems.Add($"the record count for source '{source}' must not be negative");
            }
            else if (PopulationPlan.PeopleFor(DepartmentProfiles.For(source), records) is var needed && needed > People)
            {
                // Beyond this, every person would get ever more records: not data anyone would recognise.
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{records:N0} records of source '{source}' need a population of at least {needed:N0} people (people is {People:N0})"));
            }
        }

        return problems;
    }
}

using LinkService.Synth.Departments;
using LinkService.Synth.Names;
using LinkService.Synth.Population;

namespace LinkService.Synth.Tests.Support;

/// <summary>Population plans and people for the default departments, for tests below the public API.</summary>
internal static class Plans
{
    public static readonly DateOnly ReferenceDate = new(2025, 6, 1);

    public static PopulationPlan Default(long people, long? justice = null, long? welfare = null) =>
        PopulationPlan.Create(7, people, [("justice", DepartmentProfiles.Justice, justice), ("welfare", DepartmentProfiles.Welfare, welfare)]);

    public static PersonFactory People(PopulationPlan plan) => new(plan, ReferenceDate, NameTables.Instance);
}

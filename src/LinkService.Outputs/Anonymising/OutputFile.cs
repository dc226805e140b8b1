using LinkService.Configuration.Projects;
using LinkService.Configuration.Projects.Outputs;
using LinkService.Linkage.Running;
using LinkService.Outputs.Transforms;

namespace LinkService.Outputs.Anonymising;

/// <summary>A de-identified file to make: the deliveries it is made from, and its columns' plans.</summary>
internal sealed record OutputFile(IReadOnlyList<LinkageInput> Inputs, IReadOnlyList<ColumnPlan> Plans)
{
    /// <summary>The ids of the deliveries it is made from, in order.</summary>
    public string[] Deliveries => [.. Inputs.Select(i => i.DeliveryId)];

    /// <summary>The ids of the deliveries of <paramref name="inputs"/> the file <paramref name="spec"/> asks for is made from, in order.</summary>
    public static string[] DeliveriesOf(OutputFileSpec spec, IReadOnlyList<LinkageInput> inputs) => [.. Own(spec, inputs).Select(i => i.DeliveryId)];

    /// <summary>The file <paramref name="spec"/> asks for, from those of <paramref name="inputs"/> of its source.</summary>
    public static OutputFile Of(OutputFileSpec spec, ProjectDefinition project, IReadOnlyList<LinkageInput> inputs)
    {
        var own = Own(spec, inputs).ToList();
        var schema = own.Count > 0 ? own[0].Source.SchemaOrThrow : throw new InvalidOperationException($"Project '{project.Name}' outputs source '{spec.Source}', but the run has no delivery of it.");
        return new OutputFile(own, [.. spec.Columns.Select(c => ColumnPlan.Create(c, schema))]);
    }

    private static IEnumerable<LinkageInput> Own(OutputFileSpec spec, IReadOnlyList<LinkageInput> inputs) =>
        inputs.Where(i => string.Equals(i.Source.Name, spec.Source, StringComparison.Ordinal));
}

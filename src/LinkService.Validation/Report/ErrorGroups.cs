namespace LinkService.Validation.Report;

/// <summary>Counts row errors by field and problem while a check streams, keeping the first rows of each.</summary>
internal sealed class ErrorGroups
{
    /// <summary>How many row numbers each group keeps to show.</summary>
    public const int RowsShown = 5;

    private readonly Dictionary<(string? Field, string Problem), Group> _groups = [];
    private readonly List<Group> _order = [];

    /// <param name="shapes">For a date in the wrong format, the layouts its value reads as (<c>DateShapes</c>); otherwise 0.</param>
    public void Add(string type, string? field, string problem, long row, int shapes)
    {
        if (!_groups.TryGetValue((field, problem), out var group))
        {
            group = new Group(type, field, problem);
            _groups.Add((field, problem), group);
            _order.Add(group);
        }

        group.Rows++;
        group.Shapes &= shapes;
        if (group.First.Count < RowsShown)
        {
            group.First.Add(row);
        }
    }

    /// <summary>The groups, most rows first; <paramref name="label"/> names the layout a group's shapes share.</summary>
    public IReadOnlyList<ErrorGroup> Build(Func<int, string?> label) =>
        [.. _order
            .OrderByDescending(g => g.Rows)
            .Select(g => new ErrorGroup(g.Field, g.Type, g.Problem, g.Rows, [.. g.First.Order()], g.Shapes == 0 ? null : label(g.Shapes)))];

    private sealed class Group(string type, string? field, string problem)
    {
        public string Type { get; } = type;

        public string? Field { get; } = field;

        public string Problem { get; } = problem;

        public long Rows { get; set; }

        public int Shapes { get; set; } = -1;

        public List<long> First { get; } = [];
    }
}

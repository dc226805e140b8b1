namespace LinkService.Configuration.Projects.Outputs;

/// <summary>What an aggregate table's cells hold.</summary>
public enum AggregateStatistic
{
    /// <summary>The number of rows of the file in the cell (a frequency table).</summary>
    Count,

    /// <summary>The total of a content column over the cell's rows (a magnitude table).</summary>
    Sum,

    /// <summary>The mean of a content column over the cell's rows that hold a value (a magnitude table).</summary>
    Mean,
}

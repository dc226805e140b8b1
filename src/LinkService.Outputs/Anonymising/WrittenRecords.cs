using LinkService.Linkage.Running;
using LinkService.Outputs.Stages;

namespace LinkService.Outputs.Anonymising;

/// <summary>
/// A de-identified record file as it was written, kept in memory so that the check builds its tables from it rather
/// than read the file back: its description, its header's names as written, and each written row's person and cells,
/// a cell as a value id whose text is the cell's as written (neutralised, not quoted; id 0 blank). Rows are in the
/// order they were read, not the file's: no table depends on the order of its rows.
/// </summary>
internal sealed class WrittenRecords(OutputTable table, IReadOnlyList<string> header, RecordColumns rows, int[] kept, string[][] texts)
{
    public OutputTable Table => table;

    /// <summary>The file's size and SHA-256 as it was written, for the package.</summary>
    public required WrittenFile File { get; init; }

    /// <summary>The names of the file's columns: the two pseudonyms, then one per chosen column.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>Columns before the first chosen one (the person and record pseudonyms).</summary>
    public const int Keys = 2;

    public int Rows => kept.Length;

    /// <summary>Written row <paramref name="row"/>'s person, the same number for the same pseudonym.</summary>
    public int Person(int row) => rows.Person(kept[row]);

    /// <summary>The value id of chosen column <paramref name="column"/> (counted after the pseudonyms) in written row <paramref name="row"/>.</summary>
    public int Cell(int row, int column) => rows.Cell(kept[row], column);

    /// <summary>Each value of chosen column <paramref name="column"/> as written, by id.</summary>
    public IReadOnlyList<string> Texts(int column) => texts[column];
}

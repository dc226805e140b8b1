namespace LinkService.Outputs.Anonymising;

/// <summary>One row of a de-identified file before it is written: its pseudonyms and its chosen cells (null: blank).</summary>
internal sealed record OutputRow(string Person, string Record, string?[] Cells);

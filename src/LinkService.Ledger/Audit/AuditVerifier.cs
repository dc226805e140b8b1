using System.Globalization;

namespace LinkService.Ledger.Audit;

/// <summary>
/// Checks a ledger's audit chain as a provider streams it, oldest row first: each row's MAC and link, then
/// the chain's end against its anchor file, then the tables against the replayed chain. The key is asked for
/// only when there is a row to check, so an empty ledger verifies without one.
/// </summary>
internal sealed class AuditVerifier
{
    private readonly Func<AuditKey> _key;
    private readonly AnchorReading _anchor;
    private readonly AuditReplay _replay = new();
    private long _expectedSequence = 1;
    private string _expectedPrevious = AuditChain.Genesis;
    private string? _macAtAnchor;

    public AuditVerifier(Func<AuditKey> key, AnchorReading anchor)
    {
        _key = key;
        _anchor = anchor;
    }

    private long RowsChecked => _expectedSequence - 1;

    /// <summary>Checks the next row; a failed verification names it, null lets the stream go on.</summary>
    public AuditVerification? Add(AuditRow row)
    {
        var problem = AuditChain.Check(_key(), row, _expectedSequence, _expectedPrevious);
        if (problem is not null)
        {
            return new AuditVerification(false, RowsChecked, row.Sequence, string.Create(CultureInfo.InvariantCulture, $"at row #{row.Sequence}: {problem}"));
        }

        _replay.Apply(row);
        if (row.Sequence == _anchor.Highest?.Sequence)
        {
            _macAtAnchor = row.Mac;
        }

        _expectedSequence = row.Sequence + 1;
        _expectedPrevious = row.Mac;
        return null;
    }

    /// <summary>After the last row: the chain's end against the anchor, then <paramref name="tableRows"/> against the chain.</summary>
    public AuditVerification Finish(IEnumerable<EntityRecord> tableRows)
    {
        var problem = _anchor.Problem
            ?? AnchorComparison.Problem(_anchor.Highest, RowsChecked, _macAtAnchor)
            ?? _replay.Compare(tableRows);
        return problem is null ? AuditVerification.Intact(RowsChecked) : new AuditVerification(false, RowsChecked, null, problem);
    }
}

namespace LinkService.Linkage.Engine;

/// <summary>
/// The expected matches of a run and how many of them the entities missed, from the model's probabilities: among the
/// compared pairs, and outside every block.
/// </summary>
/// <param name="Compared">Expected matches among the compared pairs.</param>
/// <param name="MissedCompared">Of those, expected matches the entities do not join.</param>
/// <param name="Outside">Expected matches no blocking rule generated (null when not estimated).</param>
/// <param name="OutsideJoined">Expected matches no blocking rule generated that the entities joined all the same, through other records.</param>
internal sealed record ErrorEstimates(double Compared, double MissedCompared, double? Outside, double OutsideJoined)
{
    /// <summary>Matches missed over all expected matches: a match outside every block is missed unless other records join it.</summary>
    public double MissedLinkRate
    {
        get
        {
            var all = Compared + (Outside ?? OutsideJoined);
            return all <= 0 ? 0 : (MissedCompared + (Outside ?? OutsideJoined) - OutsideJoined) / all;
        }
    }

    /// <param name="joined">The entities' pairs: expected true among them, and per pair of sources those no rule generated.</param>
    /// <param name="missedCompared">Expected matches among the compared pairs the entities do not join.</param>
    /// <param name="outside">Per pair of sources, the expected matches no rule generated (<see cref="OutsideBlocks"/>).</param>
    public static ErrorEstimates From((double ExpectedTrue, Dictionary<int, double> JoinedOutsideBlocks) joined, double missedCompared, Dictionary<int, double>? outside)
    {
        var joinedOutside = joined.JoinedOutsideBlocks.Values.Sum();
        var compared = joined.ExpectedTrue - joinedOutside + missedCompared;
        if (outside is null)
        {
            return new ErrorEstimates(compared, missedCompared, null, joinedOutside);
        }

        // Per pair of sources, the matches outside the blocks are at least those the entities joined there.
        var all = outside.Keys.Union(joined.JoinedOutsideBlocks.Keys)
            .Sum(s => Math.Max(outside.GetValueOrDefault(s), joined.JoinedOutsideBlocks.GetValueOrDefault(s)));
        return new ErrorEstimates(compared, missedCompared, all, joinedOutside);
    }
}

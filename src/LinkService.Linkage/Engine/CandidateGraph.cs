using System.Runtime.CompilerServices;
using LinkService.Linkage.Data;

namespace LinkService.Linkage.Engine;

/// <summary>
/// The kept pairs as each record's candidates: per record, its kept pairs' other records (an edge each way), the pairs'
/// indices and their weights. Built once for the cluster stage, where each settled-prior round and the tail's decision
/// built it again (at 1M × 3M, 5.6M edges written one at a time); between them only the weights move (<see cref="Refresh"/>).
/// </summary>
internal sealed class CandidateGraph
{
    private CandidateGraph(RecordTable table, int[] start, int[] other, int[] pair)
    {
        Table = table;
        Start = start;
        Other = other;
        Pair = pair;
        Weight = new float[other.Length];
    }

    /// <summary>The records, for their sources.</summary>
    public RecordTable Table { get; }

    /// <summary>Per record, where its edges start (and, one on, end).</summary>
    public int[] Start { get; }

    /// <summary>Per edge, the candidate: the pair's other record.</summary>
    public int[] Other { get; }

    /// <summary>Per edge, the pair's index among the kept pairs.</summary>
    public int[] Pair { get; }

    /// <summary>Per edge, the pair's weight (log2 odds) as last refreshed.</summary>
    public float[] Weight { get; }

    /// <summary>A record's edges are in the kept pairs' order (each pair adds an edge to its first record, then to its second).</summary>
    public static CandidateGraph Of(List<ScoredPair> kept, RecordTable table)
    {
        var records = table.Count;
        var start = new int[records + 1];
        foreach (var p in kept)
        {
            start[p.A + 1]++;
            start[p.B + 1]++;
        }

        for (var i = 0; i < records; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..^1];
        var other = new int[kept.Count * 2];
        var pair = new int[kept.Count * 2];
        for (var i = 0; i < kept.Count; i++)
        {
            var p = kept[i];
            (other[next[p.A]], pair[next[p.A]++]) = (p.B, i);
            (other[next[p.B]], pair[next[p.B]++]) = (p.A, i);
        }

        var graph = new CandidateGraph(table, start, other, pair);
        graph.Refresh(kept);
        return graph;
    }

    /// <summary>Starts fetching where the record's edges are, and its source (<see cref="CacheFetch"/>).</summary>
    public void Fetch(int record)
    {
        CacheFetch.Ahead(Start, record);
        CacheFetch.Ahead(Table.Source, record);
    }

    /// <summary>Starts fetching the record's edges, once <see cref="Fetch"/> has had time to bring where they are.</summary>
    public void FetchEdges(int record)
    {
        CacheFetch.Ahead(Other, Start[record]);
        CacheFetch.Ahead(Weight, Start[record]);
    }

    /// <summary>The weight of the kept pair of <paramref name="x"/> and <paramref name="y"/>, when the two are one (read off the fewer of their edges).</summary>
    public bool TryWeight(int x, int y, out float weight)
    {
        var (record, other) = Start[x + 1] - Start[x] <= Start[y + 1] - Start[y] ? (x, y) : (y, x);
        for (var k = Start[record]; k < Start[record + 1]; k++)
        {
            if (Other[k] == other)
            {
                weight = Weight[k];
                return true;
            }
        }

        weight = 0;
        return false;
    }

    /// <summary>Takes the kept pairs' weights again, once they have moved (the same pairs, in the same order).</summary>
    public void Refresh(List<ScoredPair> kept)
    {
        Ranges.For(Pair.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var k = from; k < to; k++)
            {
                Weight[k] = kept[Pair[k]].Weight;
            }
        });
    }
}

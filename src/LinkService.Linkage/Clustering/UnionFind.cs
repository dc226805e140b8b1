namespace LinkService.Linkage.Clustering;

/// <summary>Disjoint sets over record indices, with path halving and union by smaller index (so roots are deterministic).</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra < rb)
        {
            _parent[rb] = ra;
        }
        else if (rb < ra)
        {
            _parent[ra] = rb;
        }
    }
}

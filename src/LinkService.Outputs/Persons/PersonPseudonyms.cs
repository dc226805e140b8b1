using System.Runtime.CompilerServices;
using LinkService.Linkage.Data;
using LinkService.Linkage.Running;
using LinkService.Outputs.Pseudonyms;

namespace LinkService.Outputs.Persons;

/// <summary>
/// Every cluster's person pseudonym: one carried forward, as the previous run's text (an id into <see cref="Texts"/>),
/// or a new one, as its value, spelled when it is written. Counts how many clusters carried one forward, got a new
/// one, and previous pseudonyms no cluster took.
/// </summary>
internal sealed class PersonPseudonyms(SpanInterner texts, int[] textOf, UInt128[] valueOf)
{
    /// <summary>Persons known by their text alone (rows given as text): person i is text i.</summary>
    public static PersonPseudonyms OfTexts(SpanInterner texts) => new(texts, [.. Enumerable.Range(0, texts.Count)], []);

    public SpanInterner Texts => texts;

    public int Carried { get; init; }

    public int New { get; init; }

    public int Retired { get; init; }

    /// <summary>Starts fetching a cluster's pseudonym into the cache (<see cref="CacheFetch"/>).</summary>
    public void Fetch(int cluster)
    {
        CacheFetch.Ahead(textOf, cluster);
        CacheFetch.Ahead(valueOf, cluster);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(int cluster, CsvLines lines)
    {
        if (textOf[cluster] > 0)
        {
            lines.Append(texts[textOf[cluster]]);
            return;
        }

        Pseudonymiser.WritePerson(valueOf[cluster], lines.Room(Pseudonymiser.Length));
        lines.Advance(Pseudonymiser.Length);
    }

    public string Of(int cluster)
    {
        if (textOf[cluster] > 0)
        {
            return texts[textOf[cluster]].ToString();
        }

        Span<char> text = stackalloc char[Pseudonymiser.Length];
        Pseudonymiser.WritePerson(valueOf[cluster], text);
        return text.ToString();
    }
}

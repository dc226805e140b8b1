namespace LinkService.Synth.Population;

/// <summary>Where a person lives: house number, street and postcode (the post town follows from it).</summary>
internal readonly record struct Address(short HouseNumber, short Street, Postcode Postcode)
{
    public static readonly string[] Streets =
    [
        "High Street", "Station Road", "Church Road", "Main Street", "Park Road", "Church Street", "London Road",
        "Victoria Road", "Green Lane", "Manor Road", "Church Lane", "Park Avenue", "The Avenue", "The Crescent",
        "Queens Road", "New Road", "Grange Road", "Kings Road", "Kingsway", "Windsor Road", "Highfield Road",
        "Mill Lane", "Alexandra Road", "York Road", "St Johns Road", "Main Road", "Broadway", "King Street",
        "The Green", "Springfield Road", "George Street", "Park Lane", "Victoria Street", "Albert Road",
        "Queensway", "New Street", "Queen Street", "West Street", "North Street", "Manchester Road",
        "The Drive", "Richmond Road", "Grove Road", "South Street", "School Lane", "The Grove", "Mill Road",
        "Chester Road", "Stanley Road", "Beech Grove", "Oak Close", "Elm Drive", "Willow Way", "Meadow View",
        "Orchard Close", "Hawthorn Avenue", "Cedar Court", "Riverside Walk", "Castle Street", "Bridge Street",
    ];
}

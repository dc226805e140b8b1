namespace LinkService.Synth.Population;

internal enum Sex : byte
{
    Male,
    Female,
}

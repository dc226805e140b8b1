namespace LinkService.Configuration.Keys;

/// <summary>The key a project's pseudonyms are made under: its own, so two projects over the same inputs share no pseudonym.</summary>
public static class ProjectKeys
{
    /// <summary>The HKDF info prefix; the project's name follows it.</summary>
    public const string PseudonymInfoPrefix = "linkservice/project-pseudonyms/";

    public static byte[] Pseudonyms(ReadOnlySpan<byte> masterKey, string project) =>
        KeyDerivation.Derive(masterKey, PseudonymInfoPrefix + project);
}

namespace LinkService.Intake.Storage;

/// <summary>
/// The drop file opened has another name (a hard link), seen on the handle before a byte was read: it is refused, as
/// the scan refuses one, and never tried again. (The scan saw one name; another was given to it, or put in its place,
/// before the open.)
/// </summary>
internal sealed class HardLinkException() : IOException("The drop file opened has another name (a hard link); it was not read.");

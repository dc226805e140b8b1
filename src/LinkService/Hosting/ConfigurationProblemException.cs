namespace LinkService.Hosting;

/// <summary>
/// A configuration problem found only as the host is built (a Serilog sink's argument it cannot apply): the
/// command line reports it as any other configuration problem, with exit 2, so that a service manager does
/// not restart into it again and again.
/// </summary>
internal sealed class ConfigurationProblemException(string problem, Exception inner) : Exception(problem, inner)
{
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LinkService.Cluster;

/// <summary>
/// One node of a cluster (<c>LinkService:Cluster</c> in appsettings.json): read only when the ledger is on PostgreSQL
/// (<c>LinkService:Ledger:Provider</c> <c>postgresql</c>), where every node shares the database and the drop, work and
/// export folders.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "LinkService:Cluster";

    /// <summary>
    /// This node's name, unique in the cluster: it names the node's service lock in the shared work folder. Default: the
    /// host's name (two nodes on one host need names of their own).
    /// </summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    public string? NodeName { get; set; }

    /// <summary>How often the node's scheduler says it is alive; a node silent for longer is presumed dead, and its scheduled jobs recovered. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The node's name: <see cref="NodeName"/>, or the host's.</summary>
    public string EffectiveNodeName => string.IsNullOrEmpty(NodeName) ? Environment.MachineName : NodeName;
}

[OptionsValidator]
public sealed partial class ClusterOptionsValidator : IValidateOptions<ClusterOptions>;

namespace AwsIntegrations.NodeGate.Gate;

public static class GateAnnotations
{
    /// <summary>Written in the same patch that removes the taint: the release time (RFC 3339). A node carrying it is never gated again.</summary>
    public const string Released = "aws-integrations.io/node-gate-released";

    /// <summary>
    /// uswitch/nidhogg's annotation once a node carries none of its taints (README; pkg/nidhogg/handler.go annotationFirstTimeReady),
    /// written beside ours when a nidhogg config file is given, for the dashboards and scripts that read it.
    /// </summary>
    public const string NidhoggFirstTimeReady = "nidhogg.uswitch.com/first-time-ready";

    /// <summary>pelotech/nidhogg's name for it: <c>&lt;taintNamePrefix&gt;/ready-since</c> (handler.go readySinceAnnotationSuffix).</summary>
    public static string NidhoggReadySince(string taintNamePrefix) => taintNamePrefix + "/ready-since";

    /// <summary>
    /// nidhogg's value: <c>time.Now().Format("2006-01-02T15:04:05Z")</c>, seconds and a literal Z (its containers run in UTC).
    /// Ours has the same shape.
    /// </summary>
    public static string Stamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

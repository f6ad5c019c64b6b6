namespace AwsIntegrations.Router.Eskip;

/// <summary>A route's backend; <see cref="Address"/> for a network backend, <see cref="Endpoints"/> for a load-balanced one.</summary>
public sealed record EskipBackend(BackendKind Kind, string Address = "", string Algorithm = "", IReadOnlyList<string>? Endpoints = null)
{
    public override string ToString() => Kind switch
    {
        BackendKind.Network => "\"" + Address + "\"",
        BackendKind.LoadBalanced => "<" + (Algorithm.Length > 0 ? Algorithm + ", " : "") + string.Join(", ", (Endpoints ?? []).Select(e => "\"" + e + "\"")) + ">",
        _ => "<" + Kind.ToString().ToLowerInvariant() + ">",
    };
}

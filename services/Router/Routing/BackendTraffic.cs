namespace AwsIntegrations.Router.Routing;

/// <summary>
/// zalando.org/backend-weights as skipper computes it (dataclients/kubernetes/traffic.go, trafficPredicateCalculator): the
/// backends of one path share its traffic by weight; a backend without a weight has weight 0 and gets none; when no backend of
/// the path has a weight, all share equally. The i-th backend gets Traffic(w_i / (w_i + … + w_n)), the last with a weight
/// takes the rest, and True() predicates keep earlier routes ahead of later ones.
/// </summary>
public static class BackendTraffic
{
    public static TrafficShare[] Compute(IReadOnlyList<double> weights)
    {
        var w = weights.Select(x => x > 0 ? x : 0).ToArray();
        var sum = w.Sum();
        if (sum == 0)
        {
            Array.Fill(w, 1);
            sum = w.Length;
        }

        var lastWithWeight = Array.FindLastIndex(w, x => x > 0);
        var shares = new TrafficShare[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            var chance = i == lastWithWeight ? 1 : w[i] == 0 ? 0 : w[i] / sum;
            shares[i] = new TrafficShare(chance, Math.Max(0, w.Length - i - 2));
            sum -= w[i];
        }

        return shares;
    }
}

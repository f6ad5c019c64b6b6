using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// Packs Ingresses onto load balancers: per group, first-fit with at most <c>maxCertificates</c> certificates each, spilling
/// onto a new slot when none fits. Stable: an Ingress stays where it is while its certificates still fit there; only then
/// does it move. An Ingress needing more certificates than one load balancer holds gets the first ones and a problem.
/// </summary>
public static class Packer
{
    public static Placement Pack(IReadOnlyList<PlacementRequest> requests, IEnumerable<ExistingAlb> existing, int maxCertificates, Func<string, int, string> albName)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(albName);
        var existingByGroup = existing.ToLookup(e => e.GroupHash);
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
        var albs = new Dictionary<string, DesiredAlb>(StringComparer.Ordinal);
        var problems = new Dictionary<string, IReadOnlyList<Problem>>(StringComparer.Ordinal);
        foreach (var group in requests.GroupBy(r => r.Group).OrderBy(g => g.Key.Hash, StringComparer.Ordinal))
        {
            var hash = group.Key.Hash;
            var bins = existingByGroup[hash].Select(e => new Bin(e.Slot, albName(hash, e.Slot))).OrderBy(b => b.Slot).ToList();
            var pending = KeepWhereTheyAre(group, bins, maxCertificates, problems);
            foreach (var request in pending)
            {
                FirstFit(request, bins, maxCertificates, slot => albName(hash, slot)).Add(request.IngressKey, request.Certificates);
            }

            foreach (var bin in bins.Where(b => b.Members.Count > 0))
            {
                albs[bin.Name] = new DesiredAlb(bin.Name, group.Key, bin.Slot, bin.Certificates, bin.Members);
                foreach (var member in bin.Members)
                {
                    assignments[member] = bin.Name;
                }
            }
        }

        return new Placement(assignments, albs, problems);
    }

    /// <summary>
    /// Places each request of a group on its current load balancer while its certificates fit there (at most
    /// <paramref name="maxCertificates"/> of them, with a problem when it needs more); returns the others, to place anew.
    /// </summary>
    private static List<PlacementRequest> KeepWhereTheyAre(IEnumerable<PlacementRequest> group, List<Bin> bins, int maxCertificates, Dictionary<string, IReadOnlyList<Problem>> problems)
    {
        var pending = new List<PlacementRequest>();
        foreach (var request in group.OrderBy(r => r.IngressKey, StringComparer.Ordinal))
        {
            var certificates = request.Certificates;
            if (certificates.Count > maxCertificates)
            {
                problems[request.IngressKey] = [new Problem("TooManyCertificates",
                    $"the Ingress needs {certificates.Count} certificates; a load balancer holds {maxCertificates}, so only the first {maxCertificates} are served")];
                certificates = certificates.Order(StringComparer.Ordinal).Take(maxCertificates).ToHashSet(StringComparer.Ordinal);
            }

            var current = bins.FirstOrDefault(b => b.Name == request.CurrentAlb);
            if (current is not null && current.Fits(certificates, maxCertificates))
            {
                current.Add(request.IngressKey, certificates);
            }
            else
            {
                pending.Add(request with { Certificates = certificates });
            }
        }

        return pending;
    }

    /// <summary>The first load balancer that already has the certificates, else the first they fit on, else a new slot.</summary>
    private static Bin FirstFit(PlacementRequest request, List<Bin> bins, int maxCertificates, Func<int, string> albName)
    {
        var bin = bins.FirstOrDefault(b => b.Adds(request.Certificates) == 0)
            ?? bins.FirstOrDefault(b => b.Fits(request.Certificates, maxCertificates));
        if (bin is null)
        {
            var slot = Enumerable.Range(0, bins.Count + 1).First(s => bins.All(b => b.Slot != s));
            bin = new Bin(slot, albName(slot));
            bins.Add(bin);
            bins.Sort((a, b) => a.Slot.CompareTo(b.Slot));
        }

        return bin;
    }

    private sealed class Bin(int slot, string name)
    {
        public int Slot { get; } = slot;

        public string Name { get; } = name;

        public SortedSet<string> Certificates { get; } = new(StringComparer.Ordinal);

        public List<string> Members { get; } = [];

        public int Adds(IReadOnlySet<string> certificates) => certificates.Count(c => !Certificates.Contains(c));

        public bool Fits(IReadOnlySet<string> certificates, int max) => Certificates.Count + Adds(certificates) <= max;

        public void Add(string ingress, IReadOnlySet<string> certificates)
        {
            Members.Add(ingress);
            Certificates.UnionWith(certificates);
        }
    }
}

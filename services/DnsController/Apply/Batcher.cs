using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// Packs change groups into ChangeResourceRecordSets batches under Route 53's limits: at most 1,000 changes, 1,000
/// record values and 32,000 value characters (an UPSERT counts twice). A group is never split.
/// </summary>
public static class Batcher
{
    public const int MaxChanges = 1000;

    public static (IReadOnlyList<IReadOnlyList<ChangeGroup>> Batches, IReadOnlyList<ChangeGroup> TooLarge) Pack(IReadOnlyList<ChangeGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var batches = new List<IReadOnlyList<ChangeGroup>>();
        var tooLarge = new List<ChangeGroup>();
        var current = new List<ChangeGroup>();
        var total = new Cost(0, 0, 0);
        foreach (var group in groups)
        {
            var cost = CostOf(group);
            if (!cost.Fits)
            {
                tooLarge.Add(group);
                continue;
            }

            if (!(total + cost).Fits)
            {
                batches.Add(current);
                current = [];
                total = new Cost(0, 0, 0);
            }

            current.Add(group);
            total += cost;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return (batches, tooLarge);
    }

    public static Cost CostOf(ChangeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var cost = new Cost(group.Changes.Count, 0, 0);
        foreach (var change in group.Changes)
        {
            var (records, characters) = Route53Limits.Cost(change);
            cost += new Cost(0, records, characters);
        }

        return cost;
    }

    public readonly record struct Cost(int Changes, int Records, int Characters)
    {
        public bool Fits => Changes <= MaxChanges && Records <= Route53Limits.MaxRecordsPerBatch && Characters <= Route53Limits.MaxValueCharactersPerBatch;

        public static Cost operator +(Cost a, Cost b) => new(a.Changes + b.Changes, a.Records + b.Records, a.Characters + b.Characters);
    }
}

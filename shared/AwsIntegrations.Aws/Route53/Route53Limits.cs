namespace AwsIntegrations.Aws;

/// <summary>
/// Route 53's limits on one ChangeResourceRecordSets call: at most 1,000 ResourceRecord values and 32,000 characters
/// of values; an UPSERT counts twice. <see cref="Split"/> cuts a long change list into batches that fit.
/// </summary>
public static class Route53Limits
{
    public const int MaxRecordsPerBatch = 1000;
    public const int MaxValueCharactersPerBatch = 32000;

    public static (int Records, int Characters) Cost(Route53Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var factor = change.Action == "UPSERT" ? 2 : 1;
        var values = change.RecordSet.AliasTarget is null ? change.RecordSet.Values : [change.RecordSet.AliasTarget.DnsName];
        return (Math.Max(1, values.Count) * factor, values.Sum(v => v.Length) * factor);
    }

    /// <summary>Batches in order; changes to one record name stay in one batch so a DELETE+CREATE pair stays atomic.</summary>
    public static IReadOnlyList<IReadOnlyList<Route53Change>> Split(IReadOnlyList<Route53Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var batches = new List<IReadOnlyList<Route53Change>>();
        var current = new List<Route53Change>();
        var (records, characters) = (0, 0);
        foreach (var group in changes.GroupBy(c => c.RecordSet.Name.ToLowerInvariant()))
        {
            var groupCost = group.Select(Cost).Aggregate((0, 0), (a, c) => (a.Item1 + c.Records, a.Item2 + c.Characters));
            if (groupCost.Item1 > MaxRecordsPerBatch || groupCost.Item2 > MaxValueCharactersPerBatch)
            {
                throw new ArgumentException($"the changes to {group.Key} alone exceed Route 53's batch limits");
            }

            if (records + groupCost.Item1 > MaxRecordsPerBatch || characters + groupCost.Item2 > MaxValueCharactersPerBatch)
            {
                batches.Add(current);
                current = [];
                (records, characters) = (0, 0);
            }

            current.AddRange(group);
            records += groupCost.Item1;
            characters += groupCost.Item2;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }
}

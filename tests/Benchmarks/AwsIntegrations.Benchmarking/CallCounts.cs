using System.Globalization;

namespace AwsIntegrations.Benchmarking;

/// <summary>
/// The API calls of one phase of a benchmark, counted by operation (e.g. from an emulator's call log), with a fixed-order
/// description: reads (List/Describe/Get) first, then writes, each by name.
/// </summary>
public sealed class CallCounts
{
    private CallCounts(IReadOnlyDictionary<string, int> byOperation)
    {
        ByOperation = byOperation;
    }

    public IReadOnlyDictionary<string, int> ByOperation { get; }

    public int Total => ByOperation.Values.Sum();

    /// <summary>Calls that change something (anything but List/Describe/Get).</summary>
    public int Writes => ByOperation.Where(p => !IsRead(p.Key)).Sum(p => p.Value);

    public static CallCounts None { get; } = new(new Dictionary<string, int>());

    public static CallCounts From(IEnumerable<string> operations) =>
        new(operations.GroupBy(o => o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public int Of(string operation) => ByOperation.GetValueOrDefault(operation);

    /// <summary>"1 ListHostedZones, 5 ListResourceRecordSets, 5 ChangeResourceRecordSets", or "none".</summary>
    public string Describe() => ByOperation.Count == 0
        ? "none"
        : string.Join(", ", ByOperation
            .OrderBy(p => IsRead(p.Key) ? 0 : 1)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value:N0} {p.Key}")));

    public static bool IsRead(string operation) =>
        operation.StartsWith("List", StringComparison.Ordinal) || operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("Get", StringComparison.Ordinal);
}

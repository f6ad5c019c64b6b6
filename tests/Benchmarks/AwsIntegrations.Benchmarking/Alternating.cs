namespace AwsIntegrations.Benchmarking;

/// <summary>
/// Runs the two sides of a comparison in alternation (A B B A A B ...), so that a noisy neighbour or a warming machine weighs on
/// both sides alike, and returns each side's measurements.
/// </summary>
public static class Alternating
{
    public static async Task<(List<T> Ours, List<T> Reference)> RunAsync<T>(int repetitions, Func<int, Task<T>> ours, Func<int, Task<T>> reference)
    {
        var oursResults = new List<T>(repetitions);
        var referenceResults = new List<T>(repetitions);
        for (var round = 0; round < repetitions; round++)
        {
            if (round % 2 == 0)
            {
                oursResults.Add(await ours(round));
                referenceResults.Add(await reference(round));
            }
            else
            {
                referenceResults.Add(await reference(round));
                oursResults.Add(await ours(round));
            }
        }

        return (oursResults, referenceResults);
    }

    /// <summary>Several sides (e.g. direct, nginx, haproxy, ours), rotated each round so that none always runs first.</summary>
    public static async Task<Dictionary<string, List<T>>> RunAsync<T>(int repetitions, IReadOnlyList<(string Name, Func<int, Task<T>> Run)> sides)
    {
        var results = sides.ToDictionary(s => s.Name, _ => new List<T>(repetitions));
        for (var round = 0; round < repetitions; round++)
        {
            for (var i = 0; i < sides.Count; i++)
            {
                var side = sides[(i + round) % sides.Count];
                results[side.Name].Add(await side.Run(round));
            }
        }

        return results;
    }
}

namespace AwsIntegrations.Sandbox;

/// <summary>
/// The states one thing has gone through, as the live view saw them ("provisioning → active",
/// "1 initial → 1 healthy"), so the sandbox shows AWS's sequences as they happen, not only where they ended.
/// </summary>
public sealed class StateHistory
{
    private readonly Dictionary<string, List<string>> _seen = new(StringComparer.Ordinal);

    /// <summary>Records the current state of <paramref name="key"/> and answers its history, oldest first.</summary>
    public string Record(string key, string state)
    {
        if (!_seen.TryGetValue(key, out var states))
        {
            states = _seen[key] = [];
        }

        if (states.Count == 0 || states[^1] != state)
        {
            states.Add(state);
        }

        return string.Join(" → ", states);
    }
}

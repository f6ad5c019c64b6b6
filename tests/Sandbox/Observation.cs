namespace AwsIntegrations.Sandbox;

/// <summary>What the live view shows for one service, read from the emulators' state and the service itself.</summary>
public sealed record Observation(string Service, bool Done, string Text)
{
    public static Observation Waiting(string service, string text) => new(service, false, text);

    public static Observation Reached(string service, string text) => new(service, true, text);
}

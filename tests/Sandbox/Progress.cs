namespace AwsIntegrations.Sandbox;

/// <summary>The start-up display: one line per step, marked as it completes.</summary>
public static class Progress
{
    private static readonly DateTime Started = DateTime.UtcNow;

    public static void Step(string text) => Write("..", text);

    public static void Done(string text) => Write("ok", text);

    public static void Failed(string text) => Write("!!", text);

    private static void Write(string mark, string text) =>
        Console.WriteLine($"[{(DateTime.UtcNow - Started).TotalSeconds,6:0.0}s] {mark} {text}");
}

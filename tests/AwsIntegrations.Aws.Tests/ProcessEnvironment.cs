namespace AwsIntegrations.Aws.Tests;

/// <summary>Tests that read or change AWS_* variables of the test process run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";

    /// <summary>Sets variables for the duration of a test and restores them afterwards.</summary>
    public static IDisposable Set(IReadOnlyDictionary<string, string?> variables) => new Restore(variables);

    private sealed class Restore : IDisposable
    {
        private readonly Dictionary<string, string?> _previous;

        public Restore(IReadOnlyDictionary<string, string?> variables)
        {
            _previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
            foreach (var (key, value) in variables)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        public void Dispose()
        {
            foreach (var (key, value) in _previous)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }
}

using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Predicates;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// What route-table builds share and keep from one build to the next: parsed annotations, compiled predicates and regular
/// expressions, rate limiters (with their counts, so a rebuild does not reset a limit), and the clock. <see cref="Sweep"/>
/// after a build drops what it no longer uses.
/// </summary>
public sealed class BuildState
{
    public BuildState()
        : this(TimeProvider.System)
    {
    }

    public BuildState(TimeProvider time)
    {
        Time = time;
        Predicates = new PredicateCache(Regexes);
    }

    public RegexCache Regexes { get; } = new();

    public PredicateCache Predicates { get; }

    public AnnotationCache Annotations { get; } = new();

    public BuildCache<SlidingWindowLimiter> RateLimiters { get; } = new();

    public TimeProvider Time { get; }

    public void Sweep()
    {
        Regexes.Sweep();
        Predicates.Sweep();
        Annotations.Sweep();
        RateLimiters.Sweep();
    }
}

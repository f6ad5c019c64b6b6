using System.Runtime.CompilerServices;
using AwsIntegrations.Router.Eskip;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// Compiled predicates kept across builds: those of parsed annotations by the parsed call (annotations are parsed once per
/// text, see <see cref="Routing.AnnotationCache"/>), the regular expressions Ingress paths become by pattern, and backend-weight
/// chances by value. Compiled predicates hold no state, so routes and builds share them.
/// </summary>
public sealed class PredicateCache(RegexCache regexes)
{
    private static readonly CompiledPredicate TruePredicate = PredicateCompiler.Compile(EskipCall.Of("True"), new RegexCache());

    private readonly ConditionalWeakTable<EskipCall, CompiledPredicate> _byCall = [];
    private readonly BuildCache<CompiledPredicate> _pathPatterns = new();
    private readonly BuildCache<CompiledPredicate> _traffic = new();

    public RegexCache Regexes => regexes;

    /// <summary>True(): counts for the priority, checks nothing.</summary>
    public static CompiledPredicate True => TruePredicate;

    public bool TryCompile(EskipCall call, out CompiledPredicate? compiled, out RouteProblem? problem)
    {
        problem = null;
        if (_byCall.TryGetValue(call, out compiled))
        {
            return true;
        }

        if (!PredicateCompiler.TryCompile(call, regexes, out compiled, out problem))
        {
            return false;
        }

        _byCall.AddOrUpdate(call, compiled!);
        return true;
    }

    /// <summary>PathRegexp(pattern) for an ImplementationSpecific path (the pattern was checked when the path was read).</summary>
    public CompiledPredicate PathPattern(string pattern) =>
        _pathPatterns.GetOrAdd(pattern, p => PredicateCompiler.Compile(EskipCall.Of("PathRegexp", new EskipArgument(ArgumentKind.Regexp, p, 0)), regexes));

    /// <summary>Traffic(chance) for a backend-weights share.</summary>
    public CompiledPredicate Traffic(double chance)
    {
        var argument = EskipArgument.Of(chance);
        return _traffic.GetOrAdd(argument.Text, _ => PredicateCompiler.Compile(EskipCall.Of("Traffic", argument), regexes));
    }

    public void Sweep()
    {
        _pathPatterns.Sweep();
        _traffic.Sweep();
    }
}

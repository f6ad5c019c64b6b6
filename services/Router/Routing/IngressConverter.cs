using k8s;
using k8s.Models;
using AwsIntegrations.Router.Eskip;
using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Predicates;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// One Ingress's routes, as skipper's Kubernetes dataclient makes them (dataclients/kubernetes/ingressv1.go): per rule and
/// path, the skipper-routes routes (with the rule's host and path), then the path's route with its backend-weights share and
/// the skipper-predicate/-filter annotations; the defaultBackend gets a plain route. A route whose predicates or filters are
/// unknown or invalid is left out and reported; the Ingress's other routes, and other Ingresses, are unaffected.
/// </summary>
public sealed class IngressConverter(
    V1Ingress ingress, BuildSettings settings, BackendCatalog catalog, RouteTableDraft draft, ConditionsBuilder builder, List<BuildProblem> problems)
{
    private readonly string _ns = ingress.Metadata.NamespaceProperty ?? "";
    private readonly string _name = ingress.Metadata.Name ?? "";
    private Dictionary<int, CompiledRoute>? _customRoutes;
    private IngressSettings _settings = null!;
    private SkipperAnnotations _annotations = SkipperAnnotations.None;
    private Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig _config = null!;
    private CompiledRoute _own = CompiledRoute.None;

    private string IngressName => _ns + "/" + _name;

    public void Convert()
    {
        if (SkipperAnnotations.Read(ingress, settings.State.Annotations, problems) is not { } annotations)
        {
            return;
        }

        _annotations = annotations;
        _settings = IngressSettings.Read(ingress, settings, problems);
        _config = catalog.Config(_settings.Timeout ?? settings.BackendTimeout);
        _own = Compile(annotations.Predicates, annotations.Filters);
        DefaultBackend();
        foreach (var rule in ingress.Spec?.Rules ?? [])
        {
            Rule(rule);
        }
    }

    private void DefaultBackend()
    {
        if (ingress.Spec?.DefaultBackend is not { } defaultBackend)
        {
            return;
        }

        if (defaultBackend.Service is not { } service)
        {
            Problem("UnsupportedBackend", "defaultBackend without a service is not supported");
            return;
        }

        var route = NewRoute("", new IngressPath(PathMatch.Prefix, "", null, ""), RouteConditions.Plain(PathMatch.Prefix, ""), catalog.Get(ingress, service, _settings.LoadBalancing));
        if (draft.SetDefault(route) is { } holder)
        {
            Problem("RouteConflict", $"defaultBackend ignored: Ingress {holder.Ingress} is older and sets one");
        }
    }

    private void Rule(V1IngressRule rule)
    {
        if (!TryHost(rule.Host, out var host, out var hostProblem))
        {
            Problem("InvalidHost", hostProblem);
            return;
        }

        var paths = rule.Http?.Paths ?? [];
        var shares = Shares(paths);
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            if (!TryPath(path, out var place, out var pathProblem))
            {
                Problem("InvalidPath", pathProblem);
                continue;
            }

            CustomRoutes(host, place);
            if (!shares[i].Allowed)
            {
                continue;
            }

            if (path.Backend.Service is not { } service)
            {
                Problem("UnsupportedBackend", $"{Describe(host, place.Text)}: only service backends are supported");
                continue;
            }

            PathRoute(host, place, service, shares[i]);
        }
    }

    /// <summary>
    /// backend-weights are shared among the backends of the same path within a rule (skipper's computeBackendWeightsV1), here
    /// of the same path and pathType: an Exact and a Prefix rule for one path are two routes, not a split.
    /// </summary>
    private TrafficShare[] Shares(IList<V1HTTPIngressPath> paths)
    {
        var shares = new TrafficShare[paths.Count];
        if (!SharesAPath(paths))
        {
            Array.Fill(shares, TrafficShare.All);
            return shares;
        }

        var done = new bool[paths.Count];
        var group = new List<int>();
        var weights = new List<double>();
        for (var i = 0; i < paths.Count; i++)
        {
            if (done[i])
            {
                continue;
            }

            group.Clear();
            weights.Clear();
            for (var j = i; j < paths.Count; j++)
            {
                if (!done[j] && paths[j].Path == paths[i].Path && paths[j].PathType == paths[i].PathType)
                {
                    done[j] = true;
                    group.Add(j);
                    weights.Add(paths[j].Backend.Service?.Name is { } name ? _annotations.BackendWeights.GetValueOrDefault(name) : 0);
                }
            }

            var computed = BackendTraffic.Compute(weights);
            for (var k = 0; k < group.Count; k++)
            {
                shares[group[k]] = computed[k];
            }
        }

        return shares;
    }

    /// <summary>Whether two paths of the rule have the same path and pathType (then they split its traffic); rules have few paths.</summary>
    private static bool SharesAPath(IList<V1HTTPIngressPath> paths)
    {
        for (var i = 1; i < paths.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (paths[i].Path == paths[j].Path && paths[i].PathType == paths[j].PathType)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void PathRoute(string host, IngressPath place, V1IngressServiceBackend service, TrafficShare share)
    {
        if (_own.Problem is { } compileProblem)
        {
            Problem(compileProblem.Reason, $"{_own.Source}: {compileProblem.Message}; the Ingress's routes are left out");
            return;
        }

        RouteConditions conditions;
        if (place.Regexp is null && share.Chance >= 1 && _own.Predicates.Length == 0)
        {
            conditions = RouteConditions.Plain(place.Match, place.TreePath);
        }
        else
        {
            var conditionsBuilder = Conditions(place);
            if (share.Chance < 1)
            {
                conditionsBuilder.TryAdd(settings.State.Predicates.Traffic(share.Chance), false, out _);
                for (var i = 0; i < share.TrueCount; i++)
                {
                    conditionsBuilder.TryAdd(PredicateCache.True, false, out _);
                }
            }

            if (!TryAdd(conditionsBuilder, _own.Predicates, _settings.PathMode == PathMode.PathPrefix, out var treeProblem))
            {
                Problem(PredicateCompiler.InvalidPredicate, $"{SkipperAnnotations.PredicateAnnotation}: {treeProblem}; the Ingress's routes are left out");
                return;
            }

            conditions = conditionsBuilder.Build();
        }

        var route = NewRoute(host, place, conditions, catalog.Get(ingress, service, _settings.LoadBalancing), _own);
        if (draft.Place(route) is { } holder)
        {
            Problem("RouteConflict", $"{Describe(host, place.Text)} ({place.Match}{Predicates(route)}) ignored: " +
                (holder.Ingress == IngressName ? "this Ingress routes it already" : $"Ingress {holder.Ingress} is older and routes it"));
        }
    }

    /// <summary>zalando.org/skipper-routes: each route gets the rule's host and path (skipper's addExtraRoutes).</summary>
    private void CustomRoutes(string host, IngressPath place)
    {
        for (var index = 0; index < _annotations.Routes.Count; index++)
        {
            var custom = _annotations.Routes[index];
            var id = custom.Id.Length > 0 ? custom.Id : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var what = $"{SkipperAnnotations.RoutesAnnotation} route \"{id}\"";
            _customRoutes ??= [];
            if (!_customRoutes.TryGetValue(index, out var compiled))
            {
                _customRoutes[index] = compiled = Compile(custom.Predicates, custom.Filters);
            }

            var conditions = Conditions(place);
            var treeProblem = "";
            if (compiled.Problem is not null || !TryAdd(conditions, compiled.Predicates, false, out treeProblem))
            {
                var problem = compiled.Problem ?? new RouteProblem(PredicateCompiler.InvalidPredicate, treeProblem);
                Problem(problem.Reason, $"{what}: {problem.Message}; the route is left out");
                continue;
            }

            if (custom.Backend.Kind is not (BackendKind.Shunt or BackendKind.Loopback))
            {
                Problem("UnsupportedBackend", $"{what}: backend {custom.Backend} is not supported (only <shunt> and <loopback>); the route is left out");
                continue;
            }

            var route = NewRoute(host, place, conditions.Build(), null, compiled, id, custom.Backend.Kind == BackendKind.Shunt ? RouteAction.Shunt : RouteAction.Loopback);
            if (draft.Place(route) is { } holder && !(holder.Ingress == IngressName && holder.CustomId == id))
            {
                Problem("RouteConflict", $"{what} at {Describe(host, place.Text)} ignored: Ingress {holder.Ingress} is older and has a route with the same predicates");
            }
        }
    }

    private static bool TryAdd(ConditionsBuilder conditions, CompiledPredicate[] predicates, bool replaceIngressPath, out string problem)
    {
        problem = "";
        foreach (var predicate in predicates)
        {
            if (!conditions.TryAdd(predicate, replaceIngressPath, out problem))
            {
                return false;
            }
        }

        return true;
    }

    private ConditionsBuilder Conditions(IngressPath place)
    {
        var conditions = builder.Start(place.Match, place.TreePath);
        if (place.Regexp is not null)
        {
            conditions.TryAdd(settings.State.Predicates.PathPattern(place.Regexp), false, out _);
        }

        return conditions;
    }

    /// <summary>Predicates and filters compiled once for all the routes they apply to; the first problem stops it.</summary>
    private CompiledRoute Compile(IReadOnlyList<EskipCall> predicateCalls, IReadOnlyList<EskipCall> filterCalls)
    {
        if (predicateCalls.Count == 0 && filterCalls.Count == 0)
        {
            return CompiledRoute.None;
        }

        var predicates = new CompiledPredicate[predicateCalls.Count];
        for (var i = 0; i < predicates.Length; i++)
        {
            if (!settings.State.Predicates.TryCompile(predicateCalls[i], out var predicate, out var problem))
            {
                return new CompiledRoute([], null, "", problem, SkipperAnnotations.PredicateAnnotation);
            }

            predicates[i] = predicate!;
        }

        if (filterCalls.Count == 0)
        {
            return new CompiledRoute(predicates, null, "", null, "");
        }

        var filters = new RouteFilter[filterCalls.Count];
        for (var i = 0; i < filters.Length; i++)
        {
            if (!FilterCompiler.TryCreate(filterCalls[i], settings.State, IngressName, out var filter, out var problem))
            {
                return new CompiledRoute([], null, "", problem, SkipperAnnotations.FilterAnnotation);
            }

            filters[i] = filter!;
        }

        return new CompiledRoute(predicates, filters, string.Join(" -> ", filterCalls), null, "");
    }

    private Route NewRoute(string host, IngressPath place, RouteConditions conditions, Backends.Backend? backend,
        CompiledRoute? compiled = null, string customId = "", RouteAction action = RouteAction.Forward) => new()
    {
        IngressNamespace = _ns,
        IngressName = _name,
        Host = host,
        Path = place.Text,
        Match = conditions.Match,
        TreePath = conditions.Path,
        Backend = backend,
        Action = action,
        Predicates = conditions.Predicates,
        Priority = conditions.Priority,
        Specificity = conditions.Specificity,
        Signature = conditions.Signature,
        Filters = compiled?.Filters,
        FilterText = compiled?.FilterText ?? "",
        CustomId = customId,
        RedirectCode = _settings.RedirectCode,
        Timeout = _settings.Timeout,
        RequestConfig = _config,
        Tags = [new("ingress", IngressName), new("host", host), new("path", place.Text)],
    };

    private bool TryPath(V1HTTPIngressPath path, out IngressPath place, out string problem)
    {
        var raw = path.Path ?? "";
        var text = raw.Length == 0 ? "/" : raw;
        problem = "";
        place = default;
        var match = PathMatch.Prefix;
        switch (path.PathType)
        {
            case "Exact":
                match = PathMatch.Exact;
                break;
            case "Prefix":
                break;
            case "ImplementationSpecific" when raw.Length == 0:
                place = new IngressPath(PathMatch.None, "", null, text);
                return true;
            case "ImplementationSpecific" when _settings.PathMode != PathMode.PathPrefix:
                var pattern = _settings.PathMode == PathMode.PathRegexp ? raw : raw == "/" ? "^/" : "^(" + raw + ")";
                place = new IngressPath(PathMatch.None, "", pattern, text);
                if (PathRegexpPredicate.LiteralPrefix(pattern) is null && !settings.State.Regexes.TryGet(pattern, out _, out var regexProblem))
                {
                    problem = $"path \"{raw}\" ({_settings.PathMode switch { PathMode.PathRegexp => "path-regexp", _ => "kubernetes-ingress" }} mode): {regexProblem}";
                    return false;
                }

                return true;
            case "ImplementationSpecific":
                break;
            default:
                problem = $"path \"{text}\": unknown pathType \"{path.PathType}\"";
                return false;
        }

        if (!text.StartsWith('/'))
        {
            problem = $"path \"{text}\": must start with /";
            return false;
        }

        place = new IngressPath(match, text, null, text);
        return true;
    }

    private static bool TryHost(string? raw, out string host, out string problem)
    {
        host = string.IsNullOrWhiteSpace(raw) ? "" : HostName.Normalize(raw);
        problem = "";
        var star = host.LastIndexOf('*');
        if (star > 0 || (star == 0 && (!host.StartsWith("*.", StringComparison.Ordinal) || host.Length < 3)))
        {
            problem = $"host \"{raw}\": a wildcard must be a whole first label, as in *.example.com";
            return false;
        }

        return true;
    }

    private static string Predicates(Route route) => route.Signature.Length == 0 ? "" : ", " + route.Signature;

    private static string Describe(string host, string path) => (host.Length == 0 ? "(any host)" : host) + path;

    private void Problem(string reason, string message) => problems.Add(new(ingress, reason, message));
}

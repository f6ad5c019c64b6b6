using System.Text.Json;
using k8s;
using k8s.Models;
using AwsIntegrations.Router.Eskip;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// skipper's route-language annotations on an Ingress: predicates and filters for its routes, extra routes, and backend
/// weights. Text that does not parse makes skipper's validator drop the whole Ingress (definitions/ingressvalidator.go); so
/// does this, with an InvalidAnnotation Event. Weights that are not a JSON object of numbers are reported and ignored, as skipper ignores them.
/// </summary>
public sealed record SkipperAnnotations(
    IReadOnlyList<EskipCall> Predicates,
    IReadOnlyList<EskipCall> Filters,
    IReadOnlyList<EskipRoute> Routes,
    IReadOnlyDictionary<string, double> BackendWeights)
{
    public const string PredicateAnnotation = "zalando.org/skipper-predicate";
    public const string FilterAnnotation = "zalando.org/skipper-filter";
    public const string RoutesAnnotation = "zalando.org/skipper-routes";
    public const string BackendWeightsAnnotation = "zalando.org/backend-weights";

    /// <summary>Deprecated by skipper in favour of skipper-filter; its filters come first.</summary>
    public const string RatelimitAnnotation = "zalando.org/ratelimit";

    public static SkipperAnnotations None { get; } = new([], [], [], new Dictionary<string, double>());

    /// <summary>The parsed annotations, or null when one of them is not valid eskip (the Ingress is then left out).</summary>
    public static SkipperAnnotations? Read(V1Ingress ingress, AnnotationCache cache, List<BuildProblem> problems)
    {
        var predicateText = ingress.GetAnnotation(PredicateAnnotation);
        var ratelimitText = ingress.GetAnnotation(RatelimitAnnotation);
        var ownFilterText = ingress.GetAnnotation(FilterAnnotation);
        var routesText = ingress.GetAnnotation(RoutesAnnotation);
        var weightsText = ingress.GetAnnotation(BackendWeightsAnnotation);
        if (predicateText is null && ratelimitText is null && ownFilterText is null && routesText is null && weightsText is null)
        {
            return None;
        }

        var filterText = string.Join(" -> ", new[] { ratelimitText, ownFilterText }.Where(t => !string.IsNullOrWhiteSpace(t)));

        var predicates = cache.Predicates(predicateText ?? "");
        var filters = cache.Filters(filterText);
        var routes = cache.Routes(routesText ?? "");
        var (key, error) = predicates.Error is not null ? (PredicateAnnotation, predicates.Error)
            : filters.Error is not null ? (ownFilterText is null ? RatelimitAnnotation : FilterAnnotation, filters.Error)
            : (RoutesAnnotation, routes.Error);
        if (error is not null)
        {
            problems.Add(new(ingress, "InvalidAnnotation", $"invalid \"{key}\" annotation: {error}; the Ingress is not routed"));
            return null;
        }

        return new SkipperAnnotations(predicates.Value!, filters.Value!, routes.Value!, Weights(ingress, weightsText, problems));
    }

    private static Dictionary<string, double> Weights(V1Ingress ingress, string? text, List<BuildProblem> problems)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return weights;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                weights[property.Name] = property.Value.GetDouble();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            problems.Add(new(ingress, "InvalidAnnotation", $"{BackendWeightsAnnotation}: \"{text.Trim()}\" is not a JSON object of numbers such as {{\"app-v1\": 80, \"app-v2\": 20}}; backends share traffic equally"));
            weights.Clear();
        }

        return weights;
    }
}

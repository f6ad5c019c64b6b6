using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>A failure the API server answers with a metav1.Status body.</summary>
public sealed class ApiError(int code, string reason, string message, ResourceDefinition? definition = null, string? name = null)
    : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public TimeSpan? RetryAfter { get; init; }

    public JsonArray? Causes { get; init; }

    public static ApiError NotFound(ResourceDefinition definition, string name) =>
        new(404, "NotFound", $"{definition.QualifiedName} \"{name}\" not found", definition, name);

    public static ApiError AlreadyExists(ResourceDefinition definition, string name) =>
        new(409, "AlreadyExists", $"{definition.QualifiedName} \"{name}\" already exists", definition, name);

    public static ApiError Conflict(ResourceDefinition definition, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {definition.QualifiedName} \"{name}\": {why}", definition, name);

    public static ApiError Invalid(ResourceDefinition definition, string name, string field, string why) =>
        new(422, "Invalid", $"{definition.Kind} \"{name}\" is invalid: {field}: {why}", definition, name)
        {
            Causes = [new JsonObject { ["reason"] = "FieldValueInvalid", ["message"] = why, ["field"] = field }],
        };

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Gone(string message) => new(410, "Expired", message);

    public JsonObject ToStatus()
    {
        var details = new JsonObject();
        if (name is not null)
        {
            details["name"] = name;
        }

        if (definition is not null)
        {
            details["group"] = definition.Group;
            details["kind"] = definition.Plural;
        }

        if (Causes is not null)
        {
            details["causes"] = Causes.DeepClone();
        }

        if (RetryAfter is { } retry)
        {
            details["retryAfterSeconds"] = (int)Math.Ceiling(retry.TotalSeconds);
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
            ["details"] = details,
            ["code"] = Code,
        };
    }
}

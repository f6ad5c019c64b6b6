using System.Globalization;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

public sealed partial class ObjectStore
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>What in-process writes (tests seeding state, the emulator's own controllers) record as their field manager.</summary>
    public const string InProcessManager = "emulator";

    public StoredObject Create(ResourceDefinition definition, string? ns, JsonObject body, string manager = InProcessManager)
    {
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        CheckTypeMeta(definition, body);
        if (definition.Namespaced)
        {
            var bodyNamespace = (string?)metadata["namespace"];
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
            {
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }

        lock (_gate)
        {
            var name = (string?)metadata["name"];
            if (string.IsNullOrEmpty(name))
            {
                var prefix = (string?)metadata["generateName"];
                if (string.IsNullOrEmpty(prefix))
                {
                    throw ApiError.Invalid(definition, "", "metadata.name", "Required value: name or generateName is required");
                }

                name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)]));
                metadata["name"] = name;
            }

            ObjectValidation.CheckName(definition, name);
            if (definition.Namespaced && !_tables[Definition("Namespace")].Objects.ContainsKey(ns!))
            {
                throw new ApiError(404, "NotFound", $"namespaces \"{ns}\" not found", Definition("Namespace"), ns);
            }

            var table = _tables[definition];
            var key = KeyOf(definition, ns, name);
            if (table.Objects.ContainsKey(key))
            {
                throw ApiError.AlreadyExists(definition, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Timestamp();
            if (definition.HasGeneration)
            {
                metadata["generation"] = 1;
            }
            else
            {
                metadata.Remove("generation");
            }

            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            foreach (var (field, value) in definition.CreateDefaults)
            {
                if (string.IsNullOrEmpty(body[field]?.ToString()))
                {
                    body[field] = value;
                }
            }

            if (definition.StatusOnCreate is not null)
            {
                body["status"] = definition.StatusOnCreate.DeepClone();
            }

            DropEmptyMetadata(metadata);
            ManagedFields.Track(null, body, manager, definition.GroupVersion, Timestamp(), statusSubresource: false, ownsStatus: !definition.HasStatus);
            return Commit(definition, null, body, "ADDED");
        }
    }

    /// <summary>PUT, PATCH and their /status forms: <paramref name="change"/> turns the current object into the desired one.</summary>
    public StoredObject Update(ResourceDefinition definition, string? ns, string name, Func<JsonObject, JsonObject> change, bool status, string manager = InProcessManager)
    {
        lock (_gate)
        {
            var current = _tables[definition].Objects.GetValueOrDefault(KeyOf(definition, ns, name))
                ?? throw ApiError.NotFound(definition, name);
            var currentNode = current.ToNode();
            var desired = change(currentNode.DeepClone().AsObject());
            var metadata = desired["metadata"] as JsonObject
                ?? throw ApiError.Invalid(definition, name, "metadata", "Required value");
            CheckTypeMeta(definition, desired);
            if ((string?)metadata["name"] is { } bodyName && bodyName != name)
            {
                throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            var wanted = (string?)metadata["resourceVersion"];
            if (!string.IsNullOrEmpty(wanted) && wanted != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw ApiError.Conflict(definition, name, "the object has been modified; please apply your changes to the latest version and try again");
            }

            var result = status ? WithStatusOf(currentNode, desired) : WithImmutableOf(definition, currentNode, desired);
            DropEmptyMetadata(result["metadata"]!.AsObject());
            ManagedFields.Track(currentNode, result, manager, definition.GroupVersion, Timestamp(), status, ownsStatus: !definition.HasStatus);
            return Commit(definition, current, result, "MODIFIED");
        }
    }

    public StoredObject Delete(ResourceDefinition definition, string? ns, string name, DeleteRequest request)
    {
        lock (_gate)
        {
            var current = _tables[definition].Objects.GetValueOrDefault(KeyOf(definition, ns, name))
                ?? throw ApiError.NotFound(definition, name);
            if (request.PreconditionUid is { Length: > 0 } uid && uid != current.Uid)
            {
                throw ApiError.Conflict(definition, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid}");
            }

            var version = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            if (request.PreconditionResourceVersion is { Length: > 0 } rv && rv != version)
            {
                throw ApiError.Conflict(definition, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {version}");
            }

            var propagation = request.PropagationPolicy ?? definition.DefaultPropagation;
            if (propagation is not ("Orphan" or "Background" or "Foreground"))
            {
                throw ApiError.BadRequest($"DeleteOptions.propagationPolicy: Unsupported value: \"{propagation}\"");
            }

            if (current.Finalizers.Count > 0)
            {
                if (current.IsDeleting)
                {
                    return current;
                }

                var marked = current.ToNode();
                marked["metadata"]!["deletionTimestamp"] = Timestamp();
                marked["metadata"]!["deletionGracePeriodSeconds"] = 0;
                return Commit(definition, current, marked, "MODIFIED");
            }

            return Remove(current, propagation);
        }
    }

    private StoredObject Remove(StoredObject current, string propagation)
    {
        if (current.Definition.Kind == "Namespace")
        {
            foreach (var contained in _tables.Where(t => t.Key.Namespaced).SelectMany(t => t.Value.Objects.Values).Where(o => o.Namespace == current.Name).ToList())
            {
                Remove(contained, "Background");
            }
        }

        if (propagation == "Foreground")
        {
            CollectDependents(current, "Background");
        }

        var table = _tables[current.Definition];
        table.Objects.Remove(current.Key);
        table.Keys.Remove(current.Key);
        _byUid.Remove(current.Uid);
        var node = current.ToNode();
        node["metadata"]!["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var deleted = StoredObject.From(current.Definition, node);
        Record(new StoredEvent(_resourceVersion, "DELETED", deleted, current));
        if (propagation != "Foreground")
        {
            CollectDependents(current, propagation);
        }

        return deleted;
    }

    /// <summary>The garbage collector's part the suite relies on: dependents whose owners are all gone are deleted, or orphaned.</summary>
    private void CollectDependents(StoredObject owner, string propagation)
    {
        var dependents = _tables.Values.SelectMany(t => t.Objects.Values).Where(o => o.OwnerUids.Contains(owner.Uid)).ToList();
        foreach (var dependent in dependents)
        {
            var otherOwnerAlive = dependent.OwnerUids.Any(u => u != owner.Uid && _byUid.ContainsKey(u));
            if (propagation == "Orphan" || otherOwnerAlive)
            {
                var node = dependent.ToNode();
                var owners = node["metadata"]!["ownerReferences"]!.AsArray();
                foreach (var reference in owners.Where(r => (string?)r?["uid"] == owner.Uid).ToList())
                {
                    owners.Remove(reference);
                }

                Commit(dependent.Definition, dependent, node, "MODIFIED");
            }
            else if (dependent.Finalizers.Count == 0)
            {
                Remove(dependent, "Background");
            }
        }
    }

    private StoredObject Commit(ResourceDefinition definition, StoredObject? current, JsonObject node, string type)
    {
        if (definition.Kind == "Secret")
        {
            MoveStringData(node);
        }

        var metadata = node["metadata"]!.AsObject();
        if (current is not null)
        {
            metadata["resourceVersion"] = current.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            var candidate = StoredObject.From(definition, node);
            if (candidate.Json.AsSpan().SequenceEqual(current.Json))
            {
                return current;
            }

            if (current.IsDeleting && candidate.Finalizers.Count == 0)
            {
                return Remove(candidate, "Background");
            }

            if (definition.HasGeneration && !JsonNode.DeepEquals(Spec(current.ToNode()), Spec(node)))
            {
                metadata["generation"] = ((long?)metadata["generation"] ?? 0) + 1;
            }
        }

        metadata["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.From(definition, node);
        var table = _tables[definition];
        table.Objects[stored.Key] = stored;
        table.Keys.Add(stored.Key);
        _byUid[stored.Uid] = stored;
        Record(new StoredEvent(_resourceVersion, type, stored, current));
        return stored;
    }

    private void Record(StoredEvent change)
    {
        _history.Enqueue(change);
        while (_history.Count > HistoryCapacity)
        {
            _historyStart = _history.Dequeue().ResourceVersion;
        }

        foreach (var watcher in _watchers)
        {
            watcher.Offer(change);
        }
    }

    /// <summary>Secrets' stringData is write-only: the server folds it into data (base64), as the real one does.</summary>
    private static void MoveStringData(JsonObject node)
    {
        if (node["stringData"] is not JsonObject strings)
        {
            return;
        }

        var data = node["data"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in strings)
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((string?)value ?? ""));
        }

        node["data"] = data;
        node.Remove("stringData");
    }

    /// <summary>Empty maps and lists of ObjectMeta are omitempty in the API types: the server never stores them.</summary>
    private static void DropEmptyMetadata(JsonObject metadata)
    {
        foreach (var field in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
        {
            if (metadata[field] is JsonObject { Count: 0 } or JsonArray { Count: 0 })
            {
                metadata.Remove(field);
            }
        }
    }

    private static JsonObject Spec(JsonObject node)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject desired)
    {
        var result = current.DeepClone().AsObject();
        result["status"] = desired["status"]?.DeepClone();
        return result;
    }

    private static JsonObject WithImmutableOf(ResourceDefinition definition, JsonObject current, JsonObject desired)
    {
        var metadata = desired["metadata"]!.AsObject();
        var was = current["metadata"]!.AsObject();
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            metadata[field] = was[field]?.DeepClone();
        }

        foreach (var emptied in metadata.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            metadata.Remove(emptied);
        }

        if (definition.HasStatus)
        {
            desired["status"] = current["status"]?.DeepClone();
        }

        desired["apiVersion"] = definition.GroupVersion;
        desired["kind"] = definition.Kind;
        return desired;
    }

    private static void CheckTypeMeta(ResourceDefinition definition, JsonObject body)
    {
        var apiVersion = (string?)body["apiVersion"];
        var kind = (string?)body["kind"];
        if ((!string.IsNullOrEmpty(apiVersion) && apiVersion != definition.GroupVersion) || (!string.IsNullOrEmpty(kind) && kind != definition.Kind))
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({definition.GroupVersion}) or kind {kind} is not {definition.Kind}");
        }

        body["apiVersion"] = definition.GroupVersion;
        body["kind"] = definition.Kind;
    }

    private string Timestamp() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

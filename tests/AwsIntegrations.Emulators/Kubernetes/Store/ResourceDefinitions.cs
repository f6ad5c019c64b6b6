using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>The kinds the suite touches, as the real API server serves them.</summary>
public static class ResourceDefinitions
{
    public static IReadOnlyList<ResourceDefinition> Default { get; } =
    [
        new("", "v1", "namespaces", "Namespace", Namespaced: false)
        {
            ShortNames = ["ns"], HasStatus = true, StatusOnCreate = new JsonObject { ["phase"] = "Active" },
            FieldLabels = ["status.phase"], Columns = [("Status", "status.phase")],
        },
        new("", "v1", "pods", "Pod", Namespaced: true)
        {
            ShortNames = ["po"], HasStatus = true, StatusOnCreate = new JsonObject { ["phase"] = "Pending" },
            FieldLabels = ["spec.nodeName", "status.phase", "status.podIP", "spec.serviceAccountName"],
            Columns = [("Status", "status.phase"), ("IP", "status.podIP"), ("Node", "spec.nodeName")],
        },
        new("", "v1", "nodes", "Node", Namespaced: false) { ShortNames = ["no"], HasStatus = true },
        new("", "v1", "services", "Service", Namespaced: true)
        {
            ShortNames = ["svc"], HasStatus = true, StatusOnCreate = new JsonObject { ["loadBalancer"] = new JsonObject() },
            Columns = [("Type", "spec.type"), ("Cluster-IP", "spec.clusterIP")],
        },
        new("", "v1", "secrets", "Secret", Namespaced: true) { FieldLabels = ["type"], Columns = [("Type", "type")], CreateDefaults = [("type", "Opaque")] },
        new("", "v1", "configmaps", "ConfigMap", Namespaced: true) { ShortNames = ["cm"] },
        new("", "v1", "events", "Event", Namespaced: true)
        {
            ShortNames = ["ev"],
            FieldLabels =
            [
                "involvedObject.kind", "involvedObject.name", "involvedObject.namespace", "involvedObject.uid",
                "reason", "type", "source",
            ],
            Columns = [("Type", "type"), ("Reason", "reason"), ("Object", "involvedObject.name"), ("Message", "message")],
        },
        new("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", Namespaced: true) { HasGeneration = true },
        new("networking.k8s.io", "v1", "ingresses", "Ingress", Namespaced: true)
        {
            ShortNames = ["ing"], HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject { ["loadBalancer"] = new JsonObject() },
            Columns = [("Class", "spec.ingressClassName")],
        },
        new("networking.k8s.io", "v1", "ingressclasses", "IngressClass", Namespaced: false)
        {
            HasGeneration = true, Columns = [("Controller", "spec.controller")],
        },
        new("batch", "v1", "jobs", "Job", Namespaced: true)
        {
            HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject(), DefaultPropagation = "Orphan",
            FieldLabels = ["status.successful"],
        },
        new("batch", "v1", "cronjobs", "CronJob", Namespaced: true)
        {
            ShortNames = ["cj"], HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject(), DefaultPropagation = "Orphan",
        },
        new("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true) { Columns = [("Holder", "spec.holderIdentity")] },
        new("apps", "v1", "daemonsets", "DaemonSet", Namespaced: true)
        {
            ShortNames = ["ds"], HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject(),
        },

        // What deploy/ applies besides the kinds the services use (kubectl apply -k of the manifests).
        new("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true) { ShortNames = ["sa"] },
        new("", "v1", "limitranges", "LimitRange", Namespaced: true) { ShortNames = ["limits"] },
        new("apps", "v1", "deployments", "Deployment", Namespaced: true)
        {
            ShortNames = ["deploy"], HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject(),
        },
        new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false),
        new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false),
        new("rbac.authorization.k8s.io", "v1", "roles", "Role", Namespaced: true),
        new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", Namespaced: true),
        new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", Namespaced: true)
        {
            ShortNames = ["pdb"], HasStatus = true, HasGeneration = true, StatusOnCreate = new JsonObject(),
        },
        new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", Namespaced: true) { ShortNames = ["netpol"], HasGeneration = true },
    ];
}

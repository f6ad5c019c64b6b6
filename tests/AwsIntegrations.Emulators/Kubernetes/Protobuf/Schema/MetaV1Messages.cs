namespace AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;

/// <summary>The messages of apimachinery pkg/apis/meta/v1/generated.proto that the emulator's kinds reach (format: <see cref="MessageTable"/>).</summary>
internal static class MetaV1Messages
{
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>
    {
        ["ObjectMeta"] = "1:name:s 2:generateName:s 3:namespace:s 4:selfLink:s 5:uid:s 6:resourceVersion:s 7:generation:i64 8:creationTimestamp:Time 9:deletionTimestamp:Time 10:deletionGracePeriodSeconds:i64? 11:labels:map<s,s> 12:annotations:map<s,s> 13:ownerReferences:OwnerReference[] 14:finalizers:s[] 17:managedFields:ManagedFieldsEntry[]",
        ["OwnerReference"] = "5:apiVersion:s 1:kind:s 3:name:s 4:uid:s 6:controller:b? 7:blockOwnerDeletion:b?",
        ["ManagedFieldsEntry"] = "1:manager:s 2:operation:s 3:apiVersion:s 4:time:Time 6:fieldsType:s 7:fieldsV1:FieldsV1 8:subresource:s",
        ["LabelSelector"] = "1:matchLabels:map<s,s> 2:matchExpressions:LabelSelectorRequirement[]",
        ["LabelSelectorRequirement"] = "1:key:s 2:operator:s 3:values:s[]",
        ["Condition"] = "1:type:s 2:status:s 3:observedGeneration:i64 4:lastTransitionTime:Time 5:reason:s 6:message:s",
        ["DeleteOptions"] = "1:gracePeriodSeconds:i64? 2:preconditions:Preconditions 3:orphanDependents:b? 4:propagationPolicy:s? 5:dryRun:s[] 6:ignoreStoreReadErrorWithClusterBreakingPotential:b?",
        ["Preconditions"] = "1:uid:s? 2:resourceVersion:s?",
    };
}

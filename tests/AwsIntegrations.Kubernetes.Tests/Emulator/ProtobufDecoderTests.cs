using System.Text;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Protobuf;
using AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

/// <summary>The protobuf body decoder on hand-built bytes: each special type, Go's omitempty rules, and every kind of bad input.</summary>
public sealed class ProtobufDecoderTests
{
    // Exactly what kubectl 1.32 sends for `kubectl create namespace foo` (from kubectl -v=9).
    private const string KubectlCreateNamespace =
        "6b3873000a0f0a02763112094e616d657370616365121b0a130a03666f6f12001a0022002a0032003800420012001a020a001a002200";

    [Fact]
    public void Decode_KubectlCreateNamespace_GivesTheJsonObjectWithTypeMeta()
    {
        var json = ProtobufBody.Decode(Convert.FromHexString(KubectlCreateNamespace), "v1", "Namespace");

        ShouldBeJson(json, """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"foo"},"spec":{},"status":{}}""");
    }

    [Fact]
    public void Decode_Time_IsRfc3339_AndAZeroTimeIsLeftOut()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", o => o.Message(1, m => m
            .String(1, "x").Message(8, t => t.Varint(1, 1_700_000_000)).Message(9, _ => { })));

        var metadata = ProtobufBody.Decode(body, "v1", "ConfigMap")["metadata"]!.AsObject();

        ((string?)metadata["creationTimestamp"]).Should().Be("2023-11-14T22:13:20Z");
        metadata.ContainsKey("deletionTimestamp").Should().BeFalse();
    }

    [Fact]
    public void Decode_MicroTime_KeepsMicroseconds()
    {
        var body = ProtoWriter.Envelope("coordination.k8s.io/v1", "Lease", o => o.Message(2, s => s
            .String(1, "me").Message(4, t => t.Varint(1, 1_700_000_000).Varint(2, 123_456_789))));

        var spec = ProtobufBody.Decode(body, "coordination.k8s.io/v1", "Lease")["spec"]!;

        ((string?)spec["renewTime"]).Should().Be("2023-11-14T22:13:20.123456Z");
        ((string?)spec["holderIdentity"]).Should().Be("me");
    }

    [Fact]
    public void Decode_QuantityInAMap_IsItsString()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", o => o.Message(2, spec => spec.Message(2, c => c
            .String(1, "app").String(2, "nginx")
            .Message(8, r => r.Message(1, e => e.String(1, "cpu").Message(2, q => q.String(1, "500m")))))));

        var container = ProtobufBody.Decode(body, "v1", "Pod")["spec"]!["containers"]![0]!;

        ShouldBeJson(container, """{"name":"app","image":"nginx","resources":{"limits":{"cpu":"500m"}}}""");
    }

    [Fact]
    public void Decode_IntOrString_IsANumberOrAString_AsItsTypeSays()
    {
        var body = ProtoWriter.Envelope("policy/v1", "PodDisruptionBudget", o => o.Message(2, s => s
            .Message(1, i => i.Varint(1, 1).String(3, "50%"))
            .Message(3, i => i.Varint(1, 0).Varint(2, 0))));

        var spec = ProtobufBody.Decode(body, "policy/v1", "PodDisruptionBudget")["spec"]!;

        ShouldBeJson(spec, """{"minAvailable":"50%","maxUnavailable":0}""");
    }

    [Fact]
    public void Decode_FieldsV1AndRawExtension_AreEmbeddedJson()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", o => o.Message(1, m => m
            .String(1, "x").Message(17, e => e.String(1, "kubectl").Message(7, f => f.String(1, """{"f:data":{}}""")))));

        var entry = ProtobufBody.Decode(body, "v1", "ConfigMap")["metadata"]!["managedFields"]![0]!;
        var raw = WellKnownTypes.Decode("RawExtension", new ProtoWriter().String(1, """{"a":[1,2]}""").ToArray());

        ShouldBeJson(entry, """{"manager":"kubectl","fieldsV1":{"f:data":{}}}""");
        ShouldBeJson(raw, """{"a":[1,2]}""");
    }

    [Fact]
    public void Decode_Duration_IsGoDurationText()
    {
        WellKnownTypes.Decode("Duration", new ProtoWriter().Varint(1, 3_723_000_000_000).ToArray())!.GetValue<string>().Should().Be("1h2m3s");
        WellKnownTypes.Decode("Duration", new ProtoWriter().Varint(1, 1_500_000_000).ToArray())!.GetValue<string>().Should().Be("1.5s");
        WellKnownTypes.Decode("Duration", new ProtoWriter().Varint(1, 250_000_000).ToArray())!.GetValue<string>().Should().Be("250ms");
    }

    [Fact]
    public void Decode_PointerFieldsKeepTheirZero_PlainFieldsDropIt()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", o => o
            .Message(1, m => m.String(1, "web").String(2, "").Varint(7, 0))
            .Message(2, s => s.Varint(1, 0).Varint(5, 0).Varint(7, 0).Varint(9, 600)));

        var json = ProtobufBody.Decode(body, "apps/v1", "Deployment");

        ShouldBeJson(json["metadata"], """{"name":"web"}""");
        ShouldBeJson(json["spec"], """{"replicas":0,"progressDeadlineSeconds":600}""");
    }

    [Fact]
    public void Decode_BytesMapsAreBase64_AndAFalsePointerBoolIsKept()
    {
        var secret = ProtoWriter.Envelope("v1", "Secret", o => o
            .Message(1, m => m.String(1, "s")).Message(2, e => e.String(1, "key").Bytes(2, [0, 1, 254])).Varint(5, 0));

        var json = ProtobufBody.Decode(secret, "v1", "Secret");

        ShouldBeJson(json["data"], """{"key":"AAH+"}""");
        ((bool?)json["immutable"]).Should().BeFalse();
    }

    [Fact]
    public void Decode_InlineStructs_LandInTheirParent()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", o => o.Message(2, spec => spec
            .Message(1, v => v.String(1, "config").Message(2, s => s.Message(19, c => c.Message(1, r => r.String(1, "settings")))))
            .Message(2, c => c.String(1, "app").Message(10, p => p.Message(1, h => h.Message(2, g => g
                .String(1, "/healthz").Message(2, i => i.Varint(1, 0).Varint(2, 8080)))).Varint(4, 5)))));

        var spec = ProtobufBody.Decode(body, "v1", "Pod")["spec"]!;

        ShouldBeJson(spec["volumes"], """[{"name":"config","configMap":{"name":"settings"}}]""");
        ShouldBeJson(spec["containers"]![0]!["livenessProbe"], """{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":5}""");
    }

    [Fact]
    public void Decode_UnknownFieldWithAValue_Is415NamingMessageAndField()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", o => o.Message(2, spec => spec.String(999, "surprise")));

        var error = Decoding(body).Which;

        error.Code.Should().Be(415);
        error.Reason.Should().Be("UnsupportedMediaType");
        error.Message.Should().Contain("field 999 of PodSpec").And.Contain("send JSON instead");
    }

    [Fact]
    public void Decode_UnknownFieldWithAnEmptyValue_IsIgnored()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", o => o.Message(2, spec => spec.String(999, "").Varint(998, 0).String(3, "Never")));

        ShouldBeJson(ProtobufBody.Decode(body, "v1", "Pod")["spec"], """{"restartPolicy":"Never"}""");
    }

    [Fact]
    public void Decode_AKindWithoutSchema_Is415()
    {
        var body = ProtoWriter.Envelope("example.com/v1", "Widget", o => o.Message(1, m => m.String(1, "w")));

        Decoding(body).Which.Code.Should().Be(415);
    }

    [Theory]
    [InlineData("without magic", "0a0f0a027631", "magic")]
    [InlineData("truncated varint", "6b387300" + "08ff", "truncated varint")]
    [InlineData("length past the end", "6b387300" + "0a10" + "0a02", "runs past the end")]
    [InlineData("group wire type", "6b387300" + "0b", "wire type 3")]
    [InlineData("field number zero", "6b387300" + "0200", "field number 0")]
    [InlineData("string sent as varint", "6b387300" + "0a0f0a0276311209436f6e6669674d6170" + "1204" + "0a020801", "wire type 0, expected 2")]
    public void Decode_MalformedProtobuf_Is400WithTheReason(string why, string hex, string message)
    {
        var error = Decoding(Convert.FromHexString(hex)).Which;

        error.Code.Should().Be(400, why);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void MessageTable_EveryFieldType_IsAScalarAWellKnownTypeOrAMessageOfTheTable()
    {
        var known = MessageTable.All.Select(m => m.Name).Concat(MessageTable.WellKnown).Concat(MessageTable.Scalars).ToHashSet();

        var types = MessageTable.All.SelectMany(m => m.Fields.Values).Select(f => f.MapValue ?? f.Type).Distinct();

        types.Where(t => !known.Contains(t)).Should().BeEmpty();
        MessageTable.All.Should().HaveCountGreaterThan(200);
    }

    private static FluentAssertions.Specialized.ExceptionAssertions<ApiError> Decoding(byte[] body) =>
        FluentActions.Invoking(() => ProtobufBody.Decode(body, "v1", "ConfigMap")).Should().Throw<ApiError>();

    private static void ShouldBeJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{actual?.ToJsonString()} should be {expected}");
}

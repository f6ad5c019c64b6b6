using System.Collections;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

/// <summary>Changes as text ("AddListenerCertificates alb [c3]"), so plans compare by value and read well in failures.</summary>
internal static class ChangeText
{
    public static string Of(Change change) =>
        string.Join(' ', change.GetType().GetProperties().Where(p => p.Name is not ("EqualityContract" or "Operation"))
            .OrderBy(p => p.Name == "Alb" ? 0 : 1)
            .Select(p => Format(p.GetValue(change))).Prepend(change.GetType().Name));

    public static IReadOnlyList<string> Of(IEnumerable<Change> changes) => [.. changes.Select(Of)];

    public static void ShouldBe(this IEnumerable<Change> changes, params Change[] expected) =>
        Of(changes).Should().Equal(Of(expected));

    private static string Format(object? value) => value switch
    {
        null => "-",
        string s => s,
        IDictionary d => "{" + string.Join(",", d.Keys.Cast<object>().Select(k => $"{k}={d[k]}")) + "}",
        IEnumerable e => "[" + string.Join(",", e.Cast<object>()) + "]",
        _ => value.ToString() ?? "",
    };
}

using System.Globalization;
using System.Text;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>Marker-based paging: the marker is an opaque token for the offset of the next page.</summary>
public static class Paging
{
    public static (List<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> all, string? marker, int? pageSize, int defaultPageSize, int maxPageSize)
    {
        var size = pageSize ?? defaultPageSize;
        if (size < 1 || size > maxPageSize)
        {
            throw new AwsFault("ValidationError", $"1 validation error detected: Value '{size}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and {maxPageSize}");
        }

        var offset = marker is null ? 0 : Decode(marker);
        var page = all.Skip(offset).Take(size).ToList();
        return (page, offset + size < all.Count ? Encode(offset + size) : null);
    }

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string marker)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            return text.StartsWith("offset:", StringComparison.Ordinal) ? int.Parse(text[7..], CultureInfo.InvariantCulture) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new AwsFault("ValidationError", "Invalid marker");
        }
    }
}

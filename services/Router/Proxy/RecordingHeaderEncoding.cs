using System.Text;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// Decodes a header value byte for byte (Connection values are tokens: ASCII) and hands it to <see cref="ReceivedConnectionHeader"/>.
/// Kestrel uses it only for the Connection header, through its request-header encoding selector.
/// </summary>
internal sealed class RecordingHeaderEncoding : Encoding
{
    public static RecordingHeaderEncoding Instance { get; } = new();

    public override int GetByteCount(char[] chars, int index, int count) => count;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Latin1.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        var written = Latin1.GetChars(bytes, byteIndex, byteCount, chars, charIndex);
        ReceivedConnectionHeader.Record(chars.AsSpan(charIndex, written));
        return written;
    }

    public override int GetMaxByteCount(int charCount) => charCount;

    public override int GetMaxCharCount(int byteCount) => byteCount;
}

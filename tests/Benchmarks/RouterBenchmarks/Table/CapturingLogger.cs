using System.Text;
using BenchmarkDotNet.Loggers;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// Keeps BenchmarkDotNet's log out of the report (tests/Benchmarks/run.sh copies stdout and stderr into RESULTS.md); it is
/// shown only when a benchmark fails.
/// </summary>
public sealed class CapturingLogger : ILogger
{
    private readonly StringBuilder _text = new();

    public string Id => nameof(CapturingLogger);

    public int Priority => 0;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Write(LogKind logKind, string text)
    {
        lock (_text)
        {
            _text.Append(text);
        }
    }

    public void WriteLine() => Write(LogKind.Default, "\n");

    public void WriteLine(LogKind logKind, string text) => Write(logKind, text + "\n");

    public void Flush()
    {
    }
}

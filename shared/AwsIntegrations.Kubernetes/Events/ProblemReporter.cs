using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kubernetes.Events;

/// <summary>
/// Says each problem once while it lasts, not once per pass: the first pass that finds it writes a Warning Event on the
/// object and a warning log line ("{subject}: {reason}: {message}"); later passes that find it again stay quiet, and once a
/// pass ends without it, it is said again when it comes back. Thread-safe within a pass.
/// </summary>
public sealed partial class ProblemReporter(EventRecorder? events, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly Lock _gate = new();
    private HashSet<(string Subject, Problem Problem)> _said = [];
    private HashSet<(string Subject, Problem Problem)> _found = [];

    /// <summary>
    /// Reports <paramref name="problem"/> of <paramref name="subject"/> (e.g. "Ingress demo/app"), on <paramref name="about"/>
    /// when given; returns whether it was said now (false: said before and still lasting). Without <paramref name="log"/> the
    /// caller writes its own log line.
    /// </summary>
    public bool Report(string subject, IKubernetesObject<V1ObjectMeta>? about, Problem problem, bool log = true)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (_gate)
        {
            if (!_found.Add((subject, problem)) || _said.Contains((subject, problem)))
            {
                return false;
            }
        }

        if (log)
        {
            LogProblem(_logger, subject, problem.Reason, problem.Message);
        }

        if (about is not null)
        {
            events?.Warning(about, problem.Reason, problem.Message);
        }

        return true;
    }

    /// <summary>Ends a pass: the problems it did not find are over, and will be said again if they come back.</summary>
    public void EndPass()
    {
        lock (_gate)
        {
            _said = _found;
            _found = [];
        }
    }

    /// <summary>Forgets what was said, so the next pass says every problem it finds again (e.g. once per full read).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _said = [];
            _found = [];
        }
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Warning, Message = "{Subject}: {Reason}: {Message}")]
    private static partial void LogProblem(ILogger logger, string subject, string reason, string message);
}

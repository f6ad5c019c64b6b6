using System.Diagnostics;
using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Hosting.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IMeterFactory _meters;
    private readonly MetricsCollector _collector;

    public PrometheusExporterTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _meters = _services.GetRequiredService<IMeterFactory>();
        _collector = new MetricsCollector(_meters);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Write_Counter_GetsTotalSuffixHelpTypeAndLabels()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        var counter = meter.CreateCounter<long>("kube2iam_credential_requests", description: "Credential requests by result.");
        counter.Add(3, new KeyValuePair<string, object?>("result", "success"));
        counter.Add(1, new KeyValuePair<string, object?>("result", "denied"));
        counter.Add(2, new KeyValuePair<string, object?>("result", "success"));

        var text = PrometheusTextWriter.Write(_collector);

        text.Should().Contain(
            "# HELP kube2iam_credential_requests_total Credential requests by result.\n" +
            "# TYPE kube2iam_credential_requests_total counter\n" +
            "kube2iam_credential_requests_total{result=\"denied\"} 1\n" +
            "kube2iam_credential_requests_total{result=\"success\"} 5\n");
    }

    [Fact]
    public void Write_Histogram_HasCumulativeBucketsSumAndCount()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        var histogram = meter.CreateHistogram<double>("router_request_duration_seconds", unit: "s", description: "Latency.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        histogram.Record(0.05, new KeyValuePair<string, object?>("route", "default/app"));
        histogram.Record(0.5, new KeyValuePair<string, object?>("route", "default/app"));
        histogram.Record(7, new KeyValuePair<string, object?>("route", "default/app"));

        var text = PrometheusTextWriter.Write(_collector);

        text.Should().Contain("# TYPE router_request_duration_seconds histogram\n")
            .And.Contain("router_request_duration_seconds_bucket{route=\"default/app\",le=\"0.1\"} 1\n")
            .And.Contain("router_request_duration_seconds_bucket{route=\"default/app\",le=\"1\"} 2\n")
            .And.Contain("router_request_duration_seconds_bucket{route=\"default/app\",le=\"+Inf\"} 3\n")
            .And.Contain("router_request_duration_seconds_sum{route=\"default/app\"} 7.55\n")
            .And.Contain("router_request_duration_seconds_count{route=\"default/app\"} 3\n");
    }

    [Fact]
    public void Write_GaugesAndUpDownCounters_AreGauges()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        var inFlight = meter.CreateUpDownCounter<int>("router_requests_in_flight");
        inFlight.Add(5);
        inFlight.Add(-2);
        var gauge = meter.CreateGauge<double>("dns_desired_records");
        gauge.Record(10);
        gauge.Record(7);
        meter.CreateObservableGauge("kube2iam_cache_entries", () => 42);
        meter.CreateObservableCounter("jobcleaner_passes", () => 9L);

        var text = PrometheusTextWriter.Write(_collector);

        text.Should().Contain("# TYPE router_requests_in_flight gauge\nrouter_requests_in_flight 3\n")
            .And.Contain("# TYPE dns_desired_records gauge\ndns_desired_records 7\n")
            .And.Contain("kube2iam_cache_entries 42\n")
            .And.Contain("# TYPE jobcleaner_passes_total counter\njobcleaner_passes_total 9\n");
    }

    [Fact]
    public void Write_SameNameFromSeveralInstruments_IsOneFamily()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        meter.CreateObservableGauge("loop_last_success", () => new Measurement<double>(1, new KeyValuePair<string, object?>("loop", "a")));
        meter.CreateObservableGauge("loop_last_success", () => new Measurement<double>(2, new KeyValuePair<string, object?>("loop", "b")));

        var text = PrometheusTextWriter.Write(_collector);

        text.Should().Contain("# TYPE loop_last_success gauge\nloop_last_success{loop=\"a\"} 1\nloop_last_success{loop=\"b\"} 2\n");
        text.Split('\n').Count(line => line.StartsWith("# HELP loop_last_success ", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public void Write_LabelValues_AreEscaped()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        meter.CreateCounter<long>("escapes").Add(1, new KeyValuePair<string, object?>("path", "a\\b\"c\nd"));

        PrometheusTextWriter.Write(_collector).Should().Contain("escapes_total{path=\"a\\\\b\\\"c\\nd\"} 1\n");
    }

    [Fact]
    public void Write_TagOrder_DoesNotSplitSeries()
    {
        var counter = _meters.Create(MeterNames.Hosting).CreateCounter<long>("ordered");
        counter.Add(1, new("a", "1"), new("b", "2"));
        counter.Add(1, new("b", "2"), new("a", "1"));

        PrometheusTextWriter.Write(_collector).Should().Contain("ordered_total{a=\"1\",b=\"2\"} 2\n");
    }

    [Fact]
    public void Write_LabelSetsDifferingInAValueOrALabel_AreSeparateSeries()
    {
        var counter = _meters.Create(MeterNames.Hosting).CreateCounter<long>("distinct");
        counter.Add(1, new("a", "1"), new("b", "2"));
        counter.Add(2, new("a", "2"), new("b", "1"));
        counter.Add(4, new KeyValuePair<string, object?>("a", "1"));
        counter.Add(8, new("a", "1"), new("b", "2"), new("c", "3"));
        counter.Add(16, new("a", 1), new("b", 2L));

        PrometheusTextWriter.Write(_collector).Should()
            .Contain("distinct_total{a=\"1\",b=\"2\"} 17\n", "numbers are labelled by their invariant text")
            .And.Contain("distinct_total{a=\"2\",b=\"1\"} 2\n")
            .And.Contain("distinct_total{a=\"1\"} 4\n")
            .And.Contain("distinct_total{a=\"1\",b=\"2\",c=\"3\"} 8\n");
    }

    [Fact]
    public void Write_OtherHostsAndForeignMeters_AreNotExported()
    {
        using var otherServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        otherServices.GetRequiredService<IMeterFactory>().Create(MeterNames.Hosting).CreateCounter<long>("other_host").Add(1);
        using var foreign = new Meter("Some.Library");
        foreign.CreateCounter<long>("foreign").Add(1);

        var text = PrometheusTextWriter.Write(_collector);

        text.Should().NotContain("other_host").And.NotContain("foreign");
    }

    [Fact]
    public async Task Write_EveryKindOfInstrument_PassesPromtoolCheckMetrics()
    {
        var meter = _meters.Create(MeterNames.Hosting);
        meter.CreateCounter<long>("aws_api_calls", description: "AWS API calls.")
            .Add(2, new("service", "route53"), new("operation", "ChangeResourceRecordSets"), new("result", "success"));
        meter.CreateCounter<double>("jobcleaner_deleted_jobs", description: "Deleted \\ jobs\nby reason.").Add(1.5, new KeyValuePair<string, object?>("reason", "quote\"d"));
        meter.CreateHistogram<double>("aws_api_call_duration_seconds", unit: "s", description: "Call latency.").Record(0.2, new KeyValuePair<string, object?>("service", "sts"));
        meter.CreateUpDownCounter<long>("router_routes", description: "Routes.").Add(4);
        meter.CreateObservableGauge("reconcile_last_success_timestamp_seconds", () => 1.7e9, description: "Last success.");

        var text = PrometheusTextWriter.Write(_collector);
        var (exitCode, output) = await RunPromtoolAsync(text);

        exitCode.Should().Be(0, $"promtool check metrics must accept:\n{text}\npromtool said:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(string metrics)
    {
        var info = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("promtool is not installed: apt-get install prometheus (tests/run-all.sh does this)");
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(metrics);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
    }
}

namespace DnsControllerBenchmarks;

/// <summary>Records = hostnames (each becomes an ALIAS A record plus its TXT ownership record), spread evenly over Zones.</summary>
internal sealed record BenchmarkSettings(int Records, int Zones, int Changes, int SteadySeconds);

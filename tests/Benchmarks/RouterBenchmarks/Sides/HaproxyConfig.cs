namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>haproxy as the second reference proxy: HTTP mode, Host matched, keep-alive to the server with connection reuse.</summary>
public static class HaproxyConfig
{
    public static string Proxy(int port, int backendPort, int threads, string host) => $$"""
        global
          nbthread {{threads}}
          maxconn 4096

        defaults
          mode http
          option http-keep-alive
          option forwardfor
          http-reuse always
          timeout connect 5s
          timeout client 60s
          timeout server 60s
          timeout http-keep-alive 75s

        frontend traffic
          bind 127.0.0.1:{{port}}
          http-request set-header X-Forwarded-Proto http
          use_backend app if { hdr(host) -i {{host}} }

        backend app
          server pod 127.0.0.1:{{backendPort}}
        """;
}

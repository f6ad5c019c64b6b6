namespace AwsIntegrations.Benchmarks.Router.Sides;

/// <summary>nginx configurations: the static backend every side forwards to, and nginx as the reverse proxy compared with the Router.</summary>
public static class NginxConfig
{
    /// <summary>Answers every request with 200 "ok" from memory: as cheap a backend as there is, so that it is not the bottleneck.</summary>
    public static string Backend(string dir, int port, int workers) => Wrap(dir, workers, $$"""
          server {
            listen 127.0.0.1:{{port}} reuseport;
            location / { return 200 "ok"; }
          }
        """);

    public const string PodStatusPath = "/_pod/status";

    /// <summary>A rolled-out pod: answers "ok", and its request count on <see cref="PodStatusPath"/>.</summary>
    public static string Pod(string dir, string ip, int port) => Wrap(dir, 1, $$"""
          server {
            listen {{ip}}:{{port}};
            location / { return 200 "ok"; }
            location = {{PodStatusPath}} { stub_status; }
          }
        """);

    /// <summary>A reverse proxy as one would deploy it: Host matched by server_name, keep-alive to the upstream, X-Forwarded-* set.</summary>
    public static string Proxy(string dir, int port, int backendPort, int workers, string host) => Wrap(dir, workers, $$"""
          upstream backend {
            server 127.0.0.1:{{backendPort}};
            keepalive 256;
            keepalive_requests 1000000;
          }
          server {
            listen 127.0.0.1:{{port}} reuseport;
            server_name {{host}};
            location / {
              proxy_pass http://backend;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $host;
              proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
              proxy_set_header X-Forwarded-Proto $scheme;
            }
          }
        """);

    // keepalive_requests: nginx closes a client connection after 1,000 requests by default; Kestrel and haproxy do not, so the
    // comparison would otherwise charge nginx for reconnects.
    private static string Wrap(string dir, int workers, string servers) => $$"""
        daemon off;
        master_process on;
        worker_processes {{workers}};
        pid {{dir}}/nginx-{{Guid.NewGuid():N}}.pid;
        error_log stderr warn;
        events { worker_connections 8192; }
        http {
          access_log off;
          keepalive_requests 1000000;
          keepalive_timeout 75s;
          client_body_temp_path {{dir}}/body;
          proxy_temp_path {{dir}}/proxy;
          fastcgi_temp_path {{dir}}/fastcgi;
          uwsgi_temp_path {{dir}}/uwsgi;
          scgi_temp_path {{dir}}/scgi;
        {{servers}}
        }
        """;
}

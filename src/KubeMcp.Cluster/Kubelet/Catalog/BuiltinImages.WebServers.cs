namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    private const string WebServers = """
        images:
          - repository: nginx
            entrypoint: [/docker-entrypoint.sh]
            cmd: [nginx, -g, daemon off;]
            env:
              NGINX_VERSION: "{{version}}"
            executables: [/docker-entrypoint.sh, /usr/sbin/nginx, /usr/sbin/nginx-debug, /usr/bin/curl, /usr/bin/envsubst]
            files:
              /usr/share/nginx/html/index.html: |
                <!DOCTYPE html>
                <html>
                <head>
                <title>Welcome to nginx!</title>
                </head>
                <body>
                <h1>Welcome to nginx!</h1>
                <p>If you see this page, the nginx web server is successfully installed and working.</p>
                </body>
                </html>
              /usr/share/nginx/html/50x.html: |
                <!DOCTYPE html>
                <html>
                <head>
                <title>Error</title>
                </head>
                <body>
                <h1>An error occurred.</h1>
                </body>
                </html>
              /etc/nginx/conf.d/default.conf: |
                server {
                    listen       80;
                    listen  [::]:80;
                    server_name  localhost;

                    location / {
                        root   /usr/share/nginx/html;
                        index  index.html index.htm;
                    }

                    error_page   500 502 503 504  /50x.html;
                    location = /50x.html {
                        root   /usr/share/nginx/html;
                    }
                }
            memory: 8Mi
            programs:
              docker-entrypoint.sh:
                wrapper: nginx
              nginx: &nginx
                entrypointLogs:
                  - at: 0s
                    lines:
                      - "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
                      - "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"
                      - "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"
                      - "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
                      - "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"
                      - "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"
                      - "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"
                      - "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"
                      - "/docker-entrypoint.sh: Configuration complete; ready for start up"
                logs:
                  - at: 40ms
                    stream: stderr
                    lines:
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: using the \"epoll\" event method"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: nginx/{{version}}"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: built by {{var:compiler}}"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: OS: Linux {{kernel}}"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: start worker processes"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: start worker process 29"
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [notice] 1#1: start worker process 30"
                memory: 8Mi
                ports: [80]
                processes:
                  - command: "nginx: master process nginx -g daemon off;"
                  - {command: "nginx: worker process", user: nginx}
                  - {command: "nginx: worker process", user: nginx}
              nginx-debug: *nginx
            variants:
              - os: debian:12
                vars: {compiler: "gcc 12.2.0 (Debian 12.2.0-14)"}
                tags:
                  latest: 1.29.0
                  mainline: 1.29.0
                  "1": 1.29.0
                  "1.29": 1.29.0
                  1.29.0:
                  bookworm: 1.29.0
                  mainline-bookworm: 1.29.0
                  perl: 1.29.0
                  stable: 1.28.0
                  stable-bookworm: 1.28.0
                  stable-perl: 1.28.0
                  "1.28": 1.28.0
                  1.28.0:
                  "1.27": 1.27.5
                  1.27.5:
                  1.27.4:
                  1.27.3:
                  1.27.2:
                  1.27.1:
                  1.27.0:
                  "1.26": 1.26.3
                  1.26.3:
                  1.26.2:
                  1.26.1:
                  1.26.0:
                  "1.25": 1.25.5
                  1.25.5:
                  1.25.4:
                  1.25.3:
                  1.25.2:
                  1.25.1:
                  1.25.0:
                  "1.24": 1.24.0
                  1.24.0:
              - os: debian:11
                vars: {compiler: "gcc 10.2.1 20210110 (Debian 10.2.1-6)"}
                tags:
                  "1.23": 1.23.4
                  1.23.4:
                  1.23.3:
                  1.23.1:
                  1.23.0:
                  "1.22": 1.22.1
                  1.22.1:
                  1.22.0:
                  "1.21": 1.21.6
                  1.21.6:
                  1.21.5:
                  1.21.1:
                  "1.20": 1.20.2
                  1.20.2:
                  1.20.1:
                  1.20.0:
                  "1.19": 1.19.10
                  1.19.10:
                  1.19.6:
                  1.19.0:
              - os: alpine:3.21
                vars: {compiler: "gcc 14.2.0 (Alpine 14.2.0)"}
                tags:
                  alpine: 1.29.0
                  mainline-alpine: 1.29.0
                  alpine-slim: 1.29.0
                  alpine-perl: 1.29.0
                  1-alpine: 1.29.0
                  1.29-alpine: 1.29.0
                  1.29.0-alpine: 1.29.0
                  1.29-alpine-slim: 1.29.0
                  stable-alpine: 1.28.0
                  stable-alpine-slim: 1.28.0
                  1.28-alpine: 1.28.0
                  1.28.0-alpine: 1.28.0
                  1.27-alpine: 1.27.5
                  1.27.5-alpine: 1.27.5
                  1.27.4-alpine: 1.27.4
                  1.27.3-alpine: 1.27.3
                  1.27-alpine-slim: 1.27.5
                  1.26-alpine: 1.26.3
                  1.26.3-alpine: 1.26.3
                  1.26.2-alpine: 1.26.2
                  1.25-alpine: 1.25.5
                  1.25.5-alpine: 1.25.5
                  1.25.4-alpine: 1.25.4
                  1.24-alpine: 1.24.0
                  1.23-alpine: 1.23.4
                  1.22-alpine: 1.22.1
                  1.21-alpine: 1.21.6
                  1.20-alpine: 1.20.2
              # Images before 1.19 had no entrypoint script and logged at "warn" level: they print nothing at start.
              - os: debian:9
                entrypoint: []
                executables: []
                programs:
                  nginx: &quietNginx
                    memory: 6Mi
                    ports: [80]
                    processes:
                      - command: "nginx: master process nginx -g daemon off;"
                      - {command: "nginx: worker process", user: nginx}
                  nginx-debug: *quietNginx
                tags:
                  "1.18": 1.18.0
                  1.18.0:
                  "1.17": 1.17.10
                  1.17.10:
                  1.17.0:
                  "1.16": 1.16.1
                  1.16.1:
                  1.16.0:
                  "1.15": 1.15.12
                  1.15.12:
                  1.15.4:
                  "1.14": 1.14.2
                  1.14.2:
                  1.14.0:
                  "1.13": 1.13.12
                  1.13.12:
                  1.12.2:
                  1.11.13:
                  1.10.3:
                  1.9.15:
                  1.7.9:

          - repository: httpd
            cmd: [httpd-foreground]
            workingDir: /usr/local/apache2
            env:
              HTTPD_PREFIX: /usr/local/apache2
              HTTPD_VERSION: "{{version}}"
            executables: [/usr/local/bin/httpd-foreground, /usr/local/apache2/bin/httpd, /usr/local/apache2/bin/apachectl]
            files:
              /usr/local/apache2/htdocs/index.html: "<html><body><h1>It works!</h1></body></html>\n"
            memory: 6Mi
            programs:
              httpd-foreground: &httpd
                logs:
                  - at: 30ms
                    stream: stderr
                    lines:
                      - "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message"
                      - "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using {{podIP}}. Set the 'ServerName' directive globally to suppress this message"
                      - "[{{time:ddd MMM dd HH:mm:ss.ffffff yyyy}}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/{{version}} (Unix) configured -- resuming normal operations"
                      - "[{{time:ddd MMM dd HH:mm:ss.ffffff yyyy}}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"
                memory: 6Mi
                ports: [80]
                processes:
                  - command: "httpd -DFOREGROUND"
                  - {command: "httpd -DFOREGROUND", user: www-data}
                  - {command: "httpd -DFOREGROUND", user: www-data}
              httpd: *httpd
            variants:
              - os: debian:12
                tags: {latest: 2.4.63, "2": 2.4.63, "2.4": 2.4.63, 2.4.63: , 2.4.62: , 2.4.61: , 2.4.59: , 2.4.58: , bookworm: 2.4.63, 2.4-bookworm: 2.4.63}
              - os: alpine:3.21
                tags: {alpine: 2.4.63, 2-alpine: 2.4.63, 2.4-alpine: 2.4.63, 2.4.63-alpine: 2.4.63, 2.4.62-alpine: 2.4.62}

          - repository: traefik
            os: alpine:3.21
            entrypoint: [/entrypoint.sh]
            cmd: [traefik]
            executables: [/entrypoint.sh, /usr/local/bin/traefik]
            memory: 40Mi
            programs:
              entrypoint.sh:
                wrapper: traefik
              traefik:
                logs:
                  - at: 20ms
                    lines:
                      - "{{time:yyyy-MM-ddTHH:mm:ssZ}} INF Traefik version {{version}} built on 2025-05-26T14:21:32Z version={{version}}"
                      - "{{time:yyyy-MM-ddTHH:mm:ssZ}} INF Stats collection is disabled."
                      - "{{time:yyyy-MM-ddTHH:mm:ssZ}} INF Starting provider aggregator *aggregator.ProviderAggregator"
                      - "{{time:yyyy-MM-ddTHH:mm:ssZ}} INF Starting provider *traefik.Provider"
                memory: 40Mi
                ports: [80, 8080]
            tags: {latest: 3.4.1, v3: 3.4.1, "3": 3.4.1, v3.4: 3.4.1, "3.4": 3.4.1, v3.4.1: 3.4.1, v3.3: 3.3.7, "3.3": 3.3.7, v3.2: 3.2.5, v3.1: 3.1.7, v3.0: 3.0.4, v2.11: 2.11.25, "2.11": 2.11.25, v2: 2.11.25, v2.10: 2.10.7}

          - repository: registry
            os: alpine:3.21
            entrypoint: [/entrypoint.sh]
            cmd: [/etc/docker/registry/config.yml]
            executables: [/entrypoint.sh, /bin/registry]
            memory: 12Mi
            programs:
              entrypoint.sh:
                wrapper: registry
              registry:
                logs:
                  - at: 15ms
                    stream: stderr
                    lines:
                      - "time=\"{{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}}\" level=warning msg=\"No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.\" go.version=go1.20.8 service=registry version={{version}}"
                      - "time=\"{{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}}\" level=info msg=\"redis not configured\" go.version=go1.20.8 service=registry version={{version}}"
                      - "time=\"{{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}}\" level=info msg=\"using inmemory blob descriptor cache\" go.version=go1.20.8 service=registry version={{version}}"
                      - "time=\"{{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}}\" level=info msg=\"listening on [::]:5000\" go.version=go1.20.8 service=registry version={{version}}"
                memory: 12Mi
                ports: [5000]
            tags: {latest: 2.8.3, "2": 2.8.3, "2.8": 2.8.3, 2.8.3: , 2.8.2: , 2.8.1: , 2.7.1: }

          - repository: hashicorp/http-echo
            os: distroless
            entrypoint: [/http-echo]
            executables: [/http-echo]
            programs:
              http-echo:
                logs:
                  - at: 5ms
                    stream: stderr
                    lines:
                      - "{{time:yyyy/MM/dd HH:mm:ss}} [INFO] server is listening on {{flag:listen::5678}}"
                memory: 3Mi
                ports: [5678]
            tags: {latest: 1.0.0, 1.0.0: , 1.0: 1.0.0, 0.2.3: }

          - repository: gcr.io/google-samples/hello-app
            os: distroless
            entrypoint: [/hello-app]
            executables: [/hello-app]
            programs:
              hello-app:
                logs:
                  - at: 5ms
                    stream: stderr
                    lines:
                      - "{{time:yyyy/MM/dd HH:mm:ss}} Server listening on port {{env:PORT:8080}}"
                memory: 3Mi
                ports: [8080]
            tags: {"1.0": , "2.0": }

          - repository: us-docker.pkg.dev/google-samples/containers/gke/hello-app
            os: distroless
            entrypoint: [/hello-app]
            executables: [/hello-app]
            programs:
              hello-app:
                logs:
                  - at: 5ms
                    stream: stderr
                    lines:
                      - "{{time:yyyy/MM/dd HH:mm:ss}} Server listening on port {{env:PORT:8080}}"
                memory: 3Mi
                ports: [8080]
            tags: {"1.0": , "2.0": }

          - repository: registry.k8s.io/echoserver
            os: debian:9
            cmd: [nginx, -g, daemon off;]
            executables: [/usr/sbin/nginx]
            programs:
              nginx: &echoserver
                memory: 5Mi
                ports: [8080]
                processes:
                  - command: "nginx: master process nginx -g daemon off;"
                  - {command: "nginx: worker process", user: www-data}
            tags: {"1.4": , "1.10": }

          - repository: k8s.gcr.io/echoserver
            os: debian:9
            cmd: [nginx, -g, daemon off;]
            executables: [/usr/sbin/nginx]
            programs:
              nginx: *echoserver
            tags: {"1.4": , "1.10": }
        """;
}

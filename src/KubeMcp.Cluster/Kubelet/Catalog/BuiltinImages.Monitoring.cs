namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    private const string Monitoring = """
        images:
          - &prometheus
            repository: quay.io/prometheus/prometheus
            os: busybox
            entrypoint: [/bin/prometheus]
            cmd: [--config.file=/etc/prometheus/prometheus.yml, --storage.tsdb.path=/prometheus]
            user: "nobody:65534"
            workingDir: /prometheus
            executables: [/bin/prometheus, /bin/promtool]
            files:
              /etc/prometheus/prometheus.yml: |
                global:
                  scrape_interval: 15s
                scrape_configs:
                  - job_name: "prometheus"
                    static_configs:
                      - targets: ["localhost:9090"]
            memory: 60Mi
            variants:
              - programs:
                  prometheus:
                    logs:
                      - at: 10ms
                        stream: stderr
                        lines:
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:640 msg=\"No time or size retention was set so using the default time retention\" duration=15d"
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:687 msg=\"Starting Prometheus Server\" mode=server version=\"(version={{version}}, branch=HEAD, revision=0000000000000000000000000000000000000000)\""
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:692 msg=\"operational information\" build_context=\"(go=go1.24.4, platform=linux/amd64, user=root@buildkitsandbox, date=20250601-00:00:00, tags=netgo,builtinassets,stringlabels)\" host_details=\"(Linux {{kernel}} x86_64 {{hostname}} (none))\""
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=web.go:654 msg=\"Start listening for connections\" component=web address=0.0.0.0:9090"
                      - at: 300ms
                        stream: stderr
                        lines:
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:1283 msg=\"TSDB started\""
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:1466 msg=\"Completed loading of configuration file\" db_storage=1.2µs remote_storage=1.5µs web_handler=500ns query_engine=800ns scrape=300µs scrape_sd=40µs notify=30µs notify_sd=10µs rules=2µs tracing=5µs filename=/etc/prometheus/prometheus.yml totalDuration=1.2ms"
                          - "time={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} level=INFO source=main.go:1250 msg=\"Server is ready to receive web requests.\""
                    memory: 60Mi
                    ports: [9090]
                tags: {latest: 3.4.1, main: 3.4.1, v3.4.1: 3.4.1, v3.4.0: 3.4.0, v3.3.1: 3.3.1, v3.2.1: 3.2.1, v3.1.0: 3.1.0, v3.0.1: 3.0.1, v3.0.0: 3.0.0}
              - programs:
                  prometheus:
                    logs:
                      - at: 10ms
                        stream: stderr
                        lines:
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=main.go:601 level=info msg=\"No time or size retention was set so using the default time retention\" duration=15d"
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=main.go:645 level=info msg=\"Starting Prometheus Server\" mode=server version=\"(version={{version}}, branch=HEAD, revision=0000000000000000000000000000000000000000)\""
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=web.go:568 level=info component=web msg=\"Start listening for connections\" address=0.0.0.0:9090"
                      - at: 300ms
                        stream: stderr
                        lines:
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=main.go:1169 level=info msg=\"TSDB started\""
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=main.go:1372 level=info msg=\"Completed loading of configuration file\" filename=/etc/prometheus/prometheus.yml"
                          - "ts={{time:yyyy-MM-ddTHH:mm:ss.fffZ}} caller=main.go:1133 level=info msg=\"Server is ready to receive web requests.\""
                    memory: 50Mi
                    ports: [9090]
                tags: {v2.55.1: 2.55.1, v2.54.1: 2.54.1, v2.53.4: 2.53.4, v2.53.0: 2.53.0, v2.51.2: 2.51.2, v2.48.1: 2.48.1, v2.45.0: 2.45.0, v2.37.0: 2.37.0}

          - <<: *prometheus
            repository: prom/prometheus

          - repository: grafana/grafana
            os: alpine:3.21
            entrypoint: [/run.sh]
            user: "grafana:472"
            workingDir: /usr/share/grafana
            executables: [/run.sh, /usr/share/grafana/bin/grafana, /usr/share/grafana/bin/grafana-server, /usr/share/grafana/bin/grafana-cli]
            env:
              GF_PATHS_DATA: /var/lib/grafana
              GF_PATHS_HOME: /usr/share/grafana
            memory: 90Mi
            programs:
              run.sh:
                logs:
                  - at: 200ms
                    lines:
                      - "logger=settings t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"Starting Grafana\" version={{version}} commit=0000000000 branch=HEAD compiled={{time:yyyy-MM-ddTHH:mm:ssZ}}"
                      - "logger=settings t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"Config loaded from\" file=/usr/share/grafana/conf/defaults.ini"
                      - "logger=sqlstore t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"Connecting to DB\" dbtype=sqlite3"
                      - "logger=migrator t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"Starting DB migrations\""
                  - at: 3s
                    lines:
                      - "logger=migrator t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"migrations completed\" performed=600 skipped=0 duration=2.7s"
                      - "logger=http.server t={{time:yyyy-MM-ddTHH:mm:ss.fffffffZ}} level=info msg=\"HTTP Server Listen\" address=[::]:3000 protocol=http subUrl= socket="
                memory: 90Mi
                ports: [3000]
                processes:
                  - {command: "grafana server --homepath=/usr/share/grafana --config=/etc/grafana/grafana.ini --packaging=docker cfg:default.log.mode=console"}
            tags: {latest: 12.0.2, 12.0.2: , 12.0.1: , "12.0": 12.0.2, 11.6.3: , 11.5.2: , 11.4.0: , 11.3.0: , 11.2.0: , 11.1.0: , 11.0.0: , 10.4.2: , 10.4.0: , 10.2.3: , 10.0.0: , 9.5.2: , main: 12.0.2}
        """;
}

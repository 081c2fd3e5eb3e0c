namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    // Debugging and test images commonly used in Kubernetes docs, tutorials and e2e tests.
    private const string Tools = """
        images:
          - repository: curlimages/curl
            os: alpine:3.21
            entrypoint: [/entrypoint.sh]
            cmd: [curl]
            user: "curl_user:100"
            workingDir: /home/curl_user
            executables: [/entrypoint.sh, /usr/bin/curl]
            memory: 2Mi
            programs:
              entrypoint.sh:
                wrapper: curl
              # Only the bare invocation is modelled; requests need a network the simulation does not have.
              curl:
                exitCode: 2
                logs:
                  - at: 5ms
                    stream: stderr
                    lines: ["curl: try 'curl --help' or 'curl --manual' for more information"]
                subcommands:
                  --version:
                    exitCode: 0
                    logs:
                      - at: 5ms
                        lines: ["curl {{version}} (x86_64-pc-linux-musl) libcurl/{{version}} OpenSSL/3.3.3 zlib/1.3.1 brotli/1.1.0 c-ares/1.34.5 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.64.0"]
            tags: {latest: 8.14.1, 8.14.1: , 8.13.0: , 8.12.1: , 8.11.1: , 8.11.0: , 8.10.1: , 8.9.1: , 8.8.0: , 8.7.1: , 8.6.0: , 8.5.0: , 8.4.0: , 8.1.2: , 7.88.1: , 7.85.0: , 7.78.0: , 7.72.0: }

          - repository: nicolaka/netshoot
            os: alpine:3.21
            cmd: [zsh]
            executables: [/bin/bash, /bin/zsh, /usr/bin/curl, /usr/bin/dig, /usr/bin/nslookup, /usr/bin/host, /usr/bin/tcpdump, /usr/bin/iperf3, /usr/bin/nmap, /usr/bin/jq, /usr/bin/nc, /usr/bin/socat, /usr/bin/ss, /usr/bin/iftop, /usr/bin/mtr, /usr/bin/vim, /usr/bin/ps, /usr/bin/top]
            memory: 2Mi
            tags: {latest: v0.14, v0.14: , v0.13: , v0.12: , v0.11: }

          - repository: registry.k8s.io/e2e-test-images/agnhost
            entrypoint: [/agnhost]
            cmd: [pause]
            executables: [/agnhost, /agnhost-2, /bin/bash, /usr/bin/curl, /usr/bin/nc, /usr/bin/dig, /usr/bin/nslookup, /usr/bin/iperf, /coredns]
            memory: 6Mi
            programs:
              agnhost: &agnhost
                exitCode: 0
                logs:
                  - at: 5ms
                    lines:
                      - "Usage:"
                      - "  app [command]"
                      - ""
                      - "Available Commands:"
                      - "  netexec         Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints"
                      - "  pause           Pauses the execution"
                      - "  serve-hostname  Serves the hostname"
                      - "  test-webserver  Serves a basic web page"
                      - ""
                      - "Use \"app [command] --help\" for more information about a command."
                subcommands:
                  pause:
                    logs:
                      - at: 5ms
                        lines: [Paused]
                    memory: 3Mi
                  netexec:
                    logs:
                      - at: 10ms
                        stream: stderr
                        lines:
                          - "{{time:yyyy/MM/dd HH:mm:ss}} Started HTTP server on port {{flag:http-port:8080}}"
                          - "{{time:yyyy/MM/dd HH:mm:ss}} Started UDP server on port  {{flag:udp-port:8081}}"
                    memory: 8Mi
                    ports: [8080, 8081]
                  serve-hostname:
                    logs:
                      - at: 10ms
                        stream: stderr
                        lines:
                          - "{{time:yyyy/MM/dd HH:mm:ss}} Serving on port {{flag:port:9376}}."
                    memory: 5Mi
                    ports: [9376]
                  test-webserver:
                    logs:
                      - at: 10ms
                        stream: stderr
                        lines:
                          - "{{time:yyyy/MM/dd HH:mm:ss}} Serving on port {{flag:port:80}}."
                    memory: 5Mi
                    ports: [80]
              agnhost-2: *agnhost
            variants:
              - os: alpine:3.21
                tags: {"2.53": , "2.52": , "2.51": }
              - os: alpine:3.19
                tags: {"2.50": , "2.48": , "2.47": , "2.45": , "2.43": , "2.40": , "2.39": , "2.36": , "2.33": , "2.32": , "2.21": , "2.20": }

          - repository: registry.k8s.io/e2e-test-images/nginx
            os: debian:9
            cmd: [nginx, -g, daemon off;]
            executables: [/usr/sbin/nginx]
            memory: 5Mi
            programs:
              nginx:
                memory: 5Mi
                ports: [80]
                processes:
                  - command: "nginx: master process nginx -g daemon off;"
                  - {command: "nginx: worker process", user: nginx}
            tags: {1.14-4: 1.14.2, 1.14-2: 1.14.2, 1.15-4: 1.15.12}

          # The image from the Kubernetes "Assign Memory Resources" task; the interpreter models stress itself.
          - repository: polinux/stress
            os: alpine:3.21
            cmd: [stress, --help]
            executables: [/usr/local/bin/stress, /usr/bin/stress]
            memory: 1Mi
            tags: {latest: 1.0.4, 1.0.4: }

          - repository: colinianking/stress-ng
            os: alpine:3.21
            entrypoint: [/usr/bin/stress-ng]
            executables: [/usr/bin/stress-ng]
            memory: 2Mi
            tags: {latest: V0.19.01, V0.19.01: , V0.18.06: , V0.17.08: }

          - repository: alexeiled/stress-ng
            os: scratch
            entrypoint: [/stress-ng]
            executables: [/stress-ng]
            memory: 2Mi
            tags: {latest: 0.12.05, 0.12.05: , 0.10.00: }

          - repository: bitnami/kubectl
            os: debian:12
            entrypoint: [kubectl]
            cmd: [--help]
            user: "1001"
            executables: [/opt/bitnami/kubectl/bin/kubectl, /usr/local/bin/kubectl]
            env:
              PATH: /opt/bitnami/kubectl/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            memory: 20Mi
            programs:
              kubectl:
                subcommands:
                  --help: &kubectlHelp
                    exitCode: 0
                    logs:
                      - at: 30ms
                        lines:
                          - "kubectl controls the Kubernetes cluster manager."
                          - ""
                          - " Find more information at: https://kubernetes.io/docs/reference/kubectl/"
                          - ""
                          - "Basic Commands (Beginner):"
                          - "  create          Create a resource from a file or from stdin"
                          - "  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service"
                          - "  run             Run a particular image on the cluster"
                          - "  set             Set specific features on objects"
                          - ""
                          - "Usage:"
                          - "  kubectl [flags] [options]"
                          - ""
                          - "Use \"kubectl <command> --help\" for more information about a given command."
                          - "Use \"kubectl options\" for a list of global command-line options (applies to all commands)."
                  -h: *kubectlHelp
                  help: *kubectlHelp
            tags: {latest: 1.33.2}
        """;
}

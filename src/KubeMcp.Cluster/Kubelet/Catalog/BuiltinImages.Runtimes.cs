namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    // Language runtimes: the interpreter understands python -c / -m http.server and node -e itself; the catalog
    // says where the binaries are and what the images' defaults do (an interactive REPL without a terminal exits 0).
    private const string Runtimes = """
        images:
          - repository: python
            cmd: [python3]
            env:
              PYTHON_VERSION: "{{version}}"
              LANG: C.UTF-8
            executables: [/usr/local/bin/python3, /usr/local/bin/python, /usr/local/bin/pip, /usr/local/bin/pip3, /usr/local/bin/pydoc3]
            memory: 10Mi
            variants:
              - os: debian:12
                executables: [/usr/bin/curl, /usr/bin/wget, /usr/bin/git, /usr/bin/gcc, /usr/bin/make]
                tags: {latest: 3.13.5, "3": 3.13.5, "3.13": 3.13.5, 3.13.5: , 3.13.1: , "3.12": 3.12.11, 3.12.11: , 3.12.8: , 3.12.4: , "3.11": 3.11.13, 3.11.9: , "3.10": 3.10.18, "3.9": 3.9.23, "3.8": 3.8.20, bookworm: 3.13.5, 3.12-bookworm: 3.12.11, 3.11-bookworm: 3.11.13}
              - os: debian:12
                tags: {slim: 3.13.5, 3-slim: 3.13.5, 3.13-slim: 3.13.5, 3.13.5-slim: 3.13.5, 3.12-slim: 3.12.11, 3.12.8-slim: 3.12.8, 3.11-slim: 3.11.13, 3.10-slim: 3.10.18, 3.9-slim: 3.9.23, slim-bookworm: 3.13.5, 3.12-slim-bookworm: 3.12.11, 3.11-slim-bookworm: 3.11.13}
              - os: alpine:3.21
                tags: {alpine: 3.13.5, 3-alpine: 3.13.5, 3.13-alpine: 3.13.5, 3.13.5-alpine: 3.13.5, 3.12-alpine: 3.12.11, 3.11-alpine: 3.11.13, 3.10-alpine: 3.10.18, 3.9-alpine: 3.9.23, 3.13-alpine3.21: 3.13.5, 3.12-alpine3.21: 3.12.11}

          - repository: node
            entrypoint: [docker-entrypoint.sh]
            cmd: [node]
            env:
              NODE_VERSION: "{{version}}"
              YARN_VERSION: 1.22.22
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/node, /usr/local/bin/npm, /usr/local/bin/npx, /usr/local/bin/yarn, /usr/local/bin/corepack]
            memory: 40Mi
            programs:
              docker-entrypoint.sh:
                wrapper: node
            variants:
              - os: debian:12
                executables: [/usr/bin/curl, /usr/bin/wget, /usr/bin/git, /usr/bin/gcc, /usr/bin/make, /usr/bin/python3]
                tags: {latest: 24.3.0, current: 24.3.0, "24": 24.3.0, 24.3.0: , lts: 22.16.0, "22": 22.16.0, 22.16.0: , 22.12.0: , "23": 23.11.1, "20": 20.19.2, 20.19.2: , 20.18.1: , "18": 18.20.8, 18.20.8: , "16": 16.20.2, bookworm: 24.3.0, lts-bookworm: 22.16.0, 22-bookworm: 22.16.0, 20-bookworm: 20.19.2}
              - os: debian:12
                tags: {slim: 24.3.0, current-slim: 24.3.0, lts-slim: 22.16.0, 24-slim: 24.3.0, 22-slim: 22.16.0, 20-slim: 20.19.2, 18-slim: 18.20.8, 22-bookworm-slim: 22.16.0, 20-bookworm-slim: 20.19.2}
              - os: alpine:3.21
                tags: {alpine: 24.3.0, current-alpine: 24.3.0, lts-alpine: 22.16.0, 24-alpine: 24.3.0, 22-alpine: 22.16.0, 22.16-alpine: 22.16.0, 22.16.0-alpine: 22.16.0, 20-alpine: 20.19.2, 20.19-alpine: 20.19.2, 18-alpine: 18.20.8, 16-alpine: 16.20.2, 22-alpine3.21: 22.16.0, 20-alpine3.21: 20.19.2}

          - repository: golang
            cmd: [bash]
            workingDir: /go
            env:
              PATH: /go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              GOLANG_VERSION: "{{version}}"
              GOTOOLCHAIN: local
              GOPATH: /go
            executables: [/usr/local/go/bin/go, /usr/local/go/bin/gofmt]
            memory: 2Mi
            variants:
              - os: debian:12
                executables: [/usr/bin/curl, /usr/bin/wget, /usr/bin/git, /usr/bin/gcc, /usr/bin/make]
                tags: {latest: 1.24.4, "1": 1.24.4, "1.24": 1.24.4, 1.24.4: , 1.24.0: , "1.23": 1.23.10, 1.23.4: , "1.22": 1.22.12, 1.22.5: , "1.21": 1.21.13, "1.20": 1.20.14, bookworm: 1.24.4, 1.24-bookworm: 1.24.4, 1.23-bookworm: 1.23.10}
              - os: alpine:3.21
                cmd: [/bin/sh]
                tags: {alpine: 1.24.4, 1-alpine: 1.24.4, 1.24-alpine: 1.24.4, 1.24.4-alpine: 1.24.4, 1.23-alpine: 1.23.10, 1.22-alpine: 1.22.12, 1.21-alpine: 1.21.13, 1.24-alpine3.21: 1.24.4}
        """;
}

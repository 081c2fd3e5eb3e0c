namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>
/// The built-in image catalog, written in the same YAML shape <see cref="ImageCatalog.LoadOverrides"/> accepts.
/// Tags are ones that exist upstream; log lines follow the real programs' start-up output (timestamps, versions
/// and addresses are filled in per container). Split by theme to keep each file readable.
/// </summary>
internal static partial class BuiltinImages
{
    public static IReadOnlyList<string> Documents => [Registries, BaseImages, WebServers, Databases, Runtimes, Tools, Monitoring, Bitnami, KubeMcp];

    private const string Registries = """
        registries:
          - docker.io
          - registry.k8s.io
          - k8s.gcr.io
          - gcr.io
          - quay.io
          - ghcr.io
          - mcr.microsoft.com
          - public.ecr.aws
          - registry.gitlab.com
        """;

    private const string BaseImages = """
        images:
          - repository: busybox
            os: busybox
            cmd: [sh]
            memory: 400Ki
            tags:
              latest: 1.37.0
              stable: 1.36.1
              musl: 1.37.0
              glibc: 1.37.0
              uclibc: 1.37.0
              "1": 1.37.0
              "1.37": 1.37.0
              1.37.0:
              1.37.0-musl: 1.37.0
              1.37.0-glibc: 1.37.0
              "1.36": 1.36.1
              1.36.1:
              1.36.1-musl: 1.36.1
              1.36.1-glibc: 1.36.1
              1.36.0:
              "1.35": 1.35.0
              1.35.0:
              "1.34": 1.34.1
              1.34.1:
              "1.33": 1.33.1
              "1.32": 1.32.1
              "1.31": 1.31.1
              "1.30": 1.30.1
              "1.29": 1.29.3
              "1.28": 1.28.4
              1.28.4:
              "1.27": 1.27.2
              1.27.2:

          - repository: alpine
            cmd: [/bin/sh]
            memory: 500Ki
            variants:
              - os: alpine:3.22
                tags: {latest: 3.22.1, "3": 3.22.1, "3.22": 3.22.1, 3.22.1: , 3.22.0: }
              - os: alpine:3.21
                tags: {"3.21": 3.21.4, 3.21.4: , 3.21.3: , 3.21.2: , 3.21.0: }
              - os: alpine:3.20
                tags: {"3.20": 3.20.7, 3.20.7: , 3.20.3: , 3.20.0: }
              - os: alpine:3.19
                tags: {"3.19": 3.19.8, 3.19.1: , 3.19.0: }
              - os: alpine:3.18
                tags: {"3.18": 3.18.12, 3.18.4: , 3.18.0: }
              - os: alpine:3.17
                tags: {"3.17": 3.17.10}
              - os: alpine:3.16
                tags: {"3.16": 3.16.9}
              - os: alpine:3.15
                tags: {"3.15": 3.15.11}
              - os: alpine:3.20
                tags: {edge: "20250108"}

          - repository: ubuntu
            cmd: [/bin/bash]
            memory: 1Mi
            variants:
              - os: ubuntu:24.04
                tags: {latest: "24.04", "24.04": , noble: "24.04", rolling: "24.04"}
              - os: ubuntu:22.04
                tags: {"22.04": , jammy: "22.04"}
              - os: ubuntu:20.04
                tags: {"20.04": , focal: "20.04"}
              - os: ubuntu:24.10
                tags: {"24.10": , oracular: "24.10"}

          - repository: debian
            cmd: [bash]
            memory: 1Mi
            variants:
              - os: debian:12
                tags: {latest: "12", stable: "12", stable-slim: "12", bookworm: "12", bookworm-slim: "12", "12": , "12-slim": "12", "12.11": , "12.11-slim": "12.11"}
              - os: debian:11
                tags: {bullseye: "11", bullseye-slim: "11", "11": , "11-slim": "11", oldstable: "11", oldstable-slim: "11"}
              - os: debian:13
                tags: {trixie: "13", trixie-slim: "13", testing: "13"}
              - os: debian:10
                tags: {buster: "10", buster-slim: "10", "10": , "10-slim": "10"}

          - repository: registry.k8s.io/pause
            os: distroless
            entrypoint: [/pause]
            user: "65535"
            executables: [/pause]
            programs:
              pause:
                memory: 300Ki
                cpu: 0m
            tags: {"3.10": , "3.9": , "3.8": , "3.7": , "3.6": , "3.5": , "3.4.1": , "3.3": , "3.2": , "3.1": , latest: "3.10"}

          - repository: k8s.gcr.io/pause
            os: distroless
            entrypoint: [/pause]
            user: "65535"
            executables: [/pause]
            programs:
              pause:
                memory: 300Ki
                cpu: 0m
            tags: {"3.9": , "3.8": , "3.7": , "3.6": , "3.5": , "3.2": , "3.1": , latest: "3.9"}

          - repository: k8s.gcr.io/busybox
            os: busybox
            cmd: [sh]
            memory: 400Ki
            tags: {latest: 1.24.0, "1.24": 1.24.0}

          - repository: registry.k8s.io/e2e-test-images/busybox
            os: busybox
            cmd: [sh]
            memory: 400Ki
            tags: {1.36.1-1: 1.36.1, 1.29-4: 1.29.3, 1.29-2: 1.29.3}
        """;
}

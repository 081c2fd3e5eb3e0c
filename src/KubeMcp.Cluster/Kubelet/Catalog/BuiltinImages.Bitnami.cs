namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    // Since September 2025 docker.io/bitnami keeps only "latest" of a few images; versioned tags moved to
    // docker.io/bitnamilegacy. Both are listed so old manifests fail to pull the way they do upstream.
    private const string Bitnami = """
        images:
          - &bitnamiRedis
            repository: bitnami/redis
            os: debian:12
            entrypoint: [/opt/bitnami/scripts/redis/entrypoint.sh]
            cmd: [/opt/bitnami/scripts/redis/run.sh]
            user: "1001"
            executables: [/opt/bitnami/scripts/redis/entrypoint.sh, /opt/bitnami/scripts/redis/run.sh, /opt/bitnami/redis/bin/redis-server, /opt/bitnami/redis/bin/redis-cli]
            env:
              PATH: /opt/bitnami/common/bin:/opt/bitnami/redis/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              APP_VERSION: "{{version}}"
              BITNAMI_APP_NAME: redis
            memory: 10Mi
            programs:
              entrypoint.sh:
                wrapper: run.sh
              run.sh:
                entrypointLogs:
                  - at: 10ms
                    lines: &bitnamiRedisBanner
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> Welcome to the Bitnami redis container"
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> Subscribe to project updates by watching https://github.com/bitnami/containers"
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> ** Starting Redis setup **"
                requires:
                  - anyEnv: [REDIS_PASSWORD, REDIS_PASSWORD_FILE]
                    unless: {ALLOW_EMPTY_PASSWORD: "yes"}
                    exitCode: 1
                    logs:
                      - at: 10ms
                        lines: *bitnamiRedisBanner
                      - at: 60ms
                        lines:
                          - "redis {{time:HH:mm:ss.ff}} ERROR ==> The REDIS_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development."
                logs:
                  - at: 200ms
                    lines:
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> Initializing Redis"
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> Setting Redis config file"
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> ** Redis setup finished! **"
                      - ""
                      - "redis {{time:HH:mm:ss.ff}} INFO  ==> ** Starting Redis **"
                      - "1:C {{time:dd MMM yyyy HH:mm:ss.fff}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"
                      - "1:C {{time:dd MMM yyyy HH:mm:ss.fff}} * Redis version={{version}}, bits=64, commit=00000000, modified=1, pid=1, just started"
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Running mode=standalone, port=6379."
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Server initialized"
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Ready to accept connections tcp"
                memory: 10Mi
                ports: [6379]
                processes:
                  - {command: "redis-server 0.0.0.0:6379"}
            tags: {latest: 8.0.2}

          - <<: *bitnamiRedis
            repository: bitnamilegacy/redis
            tags: {latest: 8.0.2, "8.0": 8.0.2, 8.0.2: , 7.4.2: , "7.4": 7.4.2, 7.2.5: , "7.2": 7.2.5, "7.0": 7.0.15, 6.2.14: , "6.2": 6.2.14}

          - &bitnamiPostgresql
            repository: bitnami/postgresql
            os: debian:12
            entrypoint: [/opt/bitnami/scripts/postgresql/entrypoint.sh]
            cmd: [/opt/bitnami/scripts/postgresql/run.sh]
            user: "1001"
            executables: [/opt/bitnami/scripts/postgresql/entrypoint.sh, /opt/bitnami/scripts/postgresql/run.sh, /opt/bitnami/postgresql/bin/postgres, /opt/bitnami/postgresql/bin/psql]
            env:
              PATH: /opt/bitnami/common/bin:/opt/bitnami/postgresql/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              APP_VERSION: "{{version}}"
              BITNAMI_APP_NAME: postgresql
            memory: 40Mi
            programs:
              entrypoint.sh:
                wrapper: run.sh
              run.sh:
                entrypointLogs:
                  - at: 10ms
                    lines: &bitnamiPostgresBanner
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Welcome to the Bitnami postgresql container"
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Subscribe to project updates by watching https://github.com/bitnami/containers"
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> ** Starting PostgreSQL setup **"
                requires:
                  - anyEnv: [POSTGRESQL_PASSWORD, POSTGRES_PASSWORD, POSTGRESQL_PASSWORD_FILE]
                    unless: {ALLOW_EMPTY_PASSWORD: "yes"}
                    exitCode: 1
                    logs:
                      - at: 10ms
                        lines: *bitnamiPostgresBanner
                      - at: 60ms
                        lines:
                          - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Validating settings in POSTGRESQL_* env vars.."
                          - "postgresql {{time:HH:mm:ss.ff}} ERROR ==> The POSTGRESQL_PASSWORD environment variable is empty or not set. Set the environment variable ALLOW_EMPTY_PASSWORD=yes to allow the container to be started with blank passwords. This is recommended only for development."
                logs:
                  - at: 1.5s
                    lines:
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Validating settings in POSTGRESQL_* env vars.."
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Loading custom pre-init scripts..."
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> Initializing PostgreSQL database..."
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> ** PostgreSQL setup finished! **"
                      - ""
                      - "postgresql {{time:HH:mm:ss.ff}} INFO  ==> ** Starting PostgreSQL **"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} GMT [1] LOG:  starting PostgreSQL {{version}} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} GMT [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} GMT [1] LOG:  database system is ready to accept connections"
                memory: 40Mi
                ports: [5432]
                processes:
                  - {command: "/opt/bitnami/postgresql/bin/postgres -D /bitnami/postgresql/data --config-file=/opt/bitnami/postgresql/conf/postgresql.conf"}
            tags: {latest: "17.5.0"}

          - <<: *bitnamiPostgresql
            repository: bitnamilegacy/postgresql
            tags: {latest: "17.5.0", "17": "17.5.0", "17.5.0": , "17.2.0": , "16": "16.9.0", "16.4.0": , "15": "15.13.0", "15.8.0": , "14": "14.18.0"}

          - &bitnamiNginx
            repository: bitnami/nginx
            os: debian:12
            entrypoint: [/opt/bitnami/scripts/nginx/entrypoint.sh]
            cmd: [/opt/bitnami/scripts/nginx/run.sh]
            user: "1001"
            executables: [/opt/bitnami/scripts/nginx/entrypoint.sh, /opt/bitnami/scripts/nginx/run.sh, /opt/bitnami/nginx/sbin/nginx]
            env:
              APP_VERSION: "{{version}}"
              BITNAMI_APP_NAME: nginx
            memory: 8Mi
            programs:
              entrypoint.sh:
                wrapper: run.sh
              run.sh:
                entrypointLogs:
                  - at: 10ms
                    lines:
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> Welcome to the Bitnami nginx container"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> Subscribe to project updates by watching https://github.com/bitnami/containers"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> "
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> ** Starting NGINX setup **"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> Validating settings in NGINX_* env vars"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> No custom scripts in /docker-entrypoint-initdb.d"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> Initializing NGINX"
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> ** NGINX setup finished! **"
                logs:
                  - at: 100ms
                    lines:
                      - "nginx {{time:HH:mm:ss.ff}} INFO  ==> ** Starting NGINX **"
                memory: 8Mi
                ports: [8080]
                processes:
                  - {command: "nginx: master process /opt/bitnami/nginx/sbin/nginx -c /opt/bitnami/nginx/conf/nginx.conf -g daemon off;"}
                  - {command: "nginx: worker process"}
            tags: {latest: 1.29.0}

          - <<: *bitnamiNginx
            repository: bitnamilegacy/nginx
            tags: {latest: 1.29.0, "1.29": 1.29.0, "1.28": 1.28.0, 1.27.4: , "1.27": 1.27.4, 1.25.4: , "1.25": 1.25.4}
        """;
}

namespace KubeMcp.Cluster.Kubelet.Catalog;

internal static partial class BuiltinImages
{
    private const string Databases = """
        images:
          - repository: redis
            entrypoint: [docker-entrypoint.sh]
            cmd: [redis-server]
            workingDir: /data
            env:
              REDIS_VERSION: "{{version}}"
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/redis-server, /usr/local/bin/redis-cli, /usr/local/bin/redis-sentinel, /usr/local/bin/redis-benchmark, /usr/local/bin/redis-check-aof, /usr/local/bin/redis-check-rdb]
            vars: {ready: " tcp"}
            memory: 8Mi
            programs:
              docker-entrypoint.sh:
                wrapper: redis-server
              redis-server:
                logs:
                  - at: 0s
                    lines:
                      - "1:C {{time:dd MMM yyyy HH:mm:ss.fff}} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"
                      - "1:C {{time:dd MMM yyyy HH:mm:ss.fff}} * Redis version={{version}}, bits=64, commit=00000000, modified=0, pid=1, just started"
                      - "1:C {{time:dd MMM yyyy HH:mm:ss.fff}} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf"
                  - at: 3ms
                    lines:
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * monotonic clock: POSIX clock_gettime"
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Running mode=standalone, port={{flag:port:6379}}."
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Server initialized"
                      - "1:M {{time:dd MMM yyyy HH:mm:ss.fff}} * Ready to accept connections{{var:ready}}"
                memory: 8Mi
                ports: [6379]
                processes:
                  - {command: "redis-server *:6379", user: redis}
            variants:
              - os: debian:12
                tags: {latest: 8.0.2, "8": 8.0.2, "8.0": 8.0.2, 8.0.2: , 8.0.1: , 8.0.0: , bookworm: 8.0.2, "7": 7.4.4, "7.4": 7.4.4, 7.4.4: , 7.4.2: , 7.4.1: , 7.4.0: , "7.2": 7.2.9, 7.2.9: , 7.2.5: , 7.2.4: , 7.2.0: }
              - os: debian:12
                vars: {ready: ""}
                tags: {"7.0": 7.0.15, 7.0.15: , 7.0.12: , "6": 6.2.18, "6.2": 6.2.18, 6.2.18: , 6.2.14: , 6.2.6: , "6.0": 6.0.20, "5": 5.0.14, "5.0": 5.0.14}
              - os: alpine:3.21
                tags: {alpine: 8.0.2, 8-alpine: 8.0.2, 8.0-alpine: 8.0.2, 8.0.2-alpine: 8.0.2, 7-alpine: 7.4.4, 7.4-alpine: 7.4.4, 7.4.4-alpine: 7.4.4, 7.4.2-alpine: 7.4.2, 7.2-alpine: 7.2.9, 7.2.5-alpine: 7.2.5, 7.2.4-alpine: 7.2.4}
              - os: alpine:3.20
                vars: {ready: ""}
                tags: {7.0-alpine: 7.0.15, 6-alpine: 6.2.18, 6.2-alpine: 6.2.18, 6.2.6-alpine: 6.2.6}

          - repository: postgres
            entrypoint: [docker-entrypoint.sh]
            cmd: [postgres]
            env:
              PG_VERSION: "{{version}}"
              PGDATA: /var/lib/postgresql/data
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/gosu, /usr/local/bin/postgres, /usr/local/bin/initdb, /usr/local/bin/pg_ctl, /usr/local/bin/psql, /usr/local/bin/pg_dump, /usr/local/bin/pg_isready, /usr/local/bin/createdb]
            memory: 40Mi
            programs:
              docker-entrypoint.sh:
                wrapper: postgres
              postgres:
                requires:
                  - anyEnv: [POSTGRES_PASSWORD, POSTGRES_PASSWORD_FILE]
                    unless: {POSTGRES_HOST_AUTH_METHOD: trust}
                    exitCode: 1
                    logs:
                      - at: 20ms
                        stream: stderr
                        text: |
                          Error: Database is uninitialized and superuser password is not specified.
                                 You must specify POSTGRES_PASSWORD to a non-empty value for the
                                 superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

                                 You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
                                 connections without a password. This is *not* recommended.

                                 See PostgreSQL documentation about "trust":
                                 https://www.postgresql.org/docs/current/auth-trust.html
                entrypointLogs:
                  - at: 30ms
                    text: |
                      The files belonging to this database system will be owned by user "postgres".
                      This user must also own the server process.

                      The database cluster will be initialized with locale "en_US.utf8".
                      The default database encoding has accordingly been set to "UTF8".
                      The default text search configuration will be set to "english".

                      Data page checksums are disabled.

                      fixing permissions on existing directory /var/lib/postgresql/data ... ok
                      creating subdirectories ... ok
                      selecting dynamic shared memory implementation ... posix
                      selecting default "max_connections" ... 100
                      selecting default "shared_buffers" ... 128MB
                      selecting default time zone ... Etc/UTC
                      creating configuration files ... ok
                  - at: 900ms
                    text: |
                      running bootstrap script ... ok
                      performing post-bootstrap initialization ... ok
                      syncing data to disk ... ok


                      Success. You can now start the database server using:

                          pg_ctl -D /var/lib/postgresql/data -l logfile start

                  - at: 1.2s
                    stream: stderr
                    lines:
                      - "initdb: warning: enabling \"trust\" authentication for local connections"
                      - "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb."
                  - at: 1.5s
                    lines:
                      - "waiting for server to start....{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [48] LOG:  starting PostgreSQL {{version}} on x86_64-pc-linux-gnu, compiled by {{var:compiler}}, 64-bit"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [48] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [48] LOG:  database system is ready to accept connections"
                      - " done"
                      - "server started"
                      - ""
                      - "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*"
                      - ""
                  - at: 1.9s
                    lines:
                      - "waiting for server to shut down....{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [48] LOG:  received fast shutdown request"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [48] LOG:  database system is shut down"
                      - " done"
                      - "server stopped"
                      - ""
                      - "PostgreSQL init process complete; ready for start up."
                      - ""
                logs:
                  - at: 2.1s
                    stream: stderr
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [1] LOG:  starting PostgreSQL {{version}} on x86_64-pc-linux-gnu, compiled by {{var:compiler}}, 64-bit"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [1] LOG:  listening on IPv4 address \"0.0.0.0\", port 5432"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [1] LOG:  listening on IPv6 address \"::\", port 5432"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [1] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [62] LOG:  database system was shut down at {{time:yyyy-MM-dd HH:mm:ss}} UTC"
                      - "{{time:yyyy-MM-dd HH:mm:ss.fff}} UTC [1] LOG:  database system is ready to accept connections"
                memory: 40Mi
                ports: [5432]
                processes:
                  - {command: "postgres", user: postgres}
                  - {command: "postgres: checkpointer ", user: postgres}
                  - {command: "postgres: background writer ", user: postgres}
                  - {command: "postgres: walwriter ", user: postgres}
                  - {command: "postgres: autovacuum launcher ", user: postgres}
                  - {command: "postgres: logical replication launcher ", user: postgres}
            variants:
              - os: debian:12
                vars: {compiler: "gcc (Debian 12.2.0-14) 12.2.0"}
                tags: {latest: "17.5", "17": "17.5", "17.5": , "17.4": , "17.2": , "17.0": , bookworm: "17.5", 17-bookworm: "17.5", "16": "16.9", "16.9": , "16.6": , "16.4": , "16.2": , 16-bookworm: "16.9", "15": "15.13", "15.13": , "15.8": , "15.4": , "14": "14.18", "14.18": , "14.10": , "13": "13.21", "13.21": , "12": "12.22", "12.22": }
              - os: alpine:3.21
                vars: {compiler: "gcc (Alpine 14.2.0) 14.2.0"}
                tags: {alpine: "17.5", 17-alpine: "17.5", 17.5-alpine: "17.5", 17.2-alpine: "17.2", 16-alpine: "16.9", 16.9-alpine: "16.9", 16.4-alpine: "16.4", 15-alpine: "15.13", 15.8-alpine: "15.8", 14-alpine: "14.18", 13-alpine: "13.21", 12-alpine: "12.22"}

          - repository: mysql
            os: oraclelinux:9
            entrypoint: [docker-entrypoint.sh]
            cmd: [mysqld]
            env:
              MYSQL_MAJOR: "{{var:major}}"
              MYSQL_VERSION: "{{version}}-1.el9"
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/gosu, /usr/sbin/mysqld, /usr/bin/mysql, /usr/bin/mysqladmin, /usr/bin/mysqldump, /usr/bin/mysqlsh]
            memory: 420Mi
            programs:
              docker-entrypoint.sh:
                wrapper: mysqld
              mysqld:
                requires:
                  - anyEnv: [MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, MYSQL_ROOT_PASSWORD_FILE]
                    exitCode: 1
                    logs:
                      - at: 10ms
                        lines:
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started."
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'"
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started."
                      - at: 60ms
                        stream: stderr
                        lines:
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"
                          - "    You need to specify one of the following as an environment variable:"
                          - "    - MYSQL_ROOT_PASSWORD"
                          - "    - MYSQL_ALLOW_EMPTY_PASSWORD"
                          - "    - MYSQL_RANDOM_ROOT_PASSWORD"
                entrypointLogs:
                  - at: 10ms
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server {{version}}-1.el9 started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Initializing database files"
                  - at: 9s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Database files initialized"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Starting temporary server"
                  - at: 11s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Temporary server started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Stopping temporary server"
                  - at: 13s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Temporary server stopped"
                      - ""
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: MySQL init process done. Ready for start up."
                      - ""
                logs:
                  - at: 13.5s
                    lines:
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 0 [System] [MY-015015] [Server] MySQL Server - start."
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld {{version}}) starting as process 1"
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started."
                  - at: 14.5s
                    lines:
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 1 [System] [MY-013577] [InnoDB] InnoDB initialization has ended."
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock"
                      - "{{time:yyyy-MM-ddTHH:mm:ss.ffffff}}Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '{{version}}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."
                memory: 420Mi
                ports: [3306, 33060]
                processes:
                  - {command: "mysqld", user: mysql}
            tags: {latest: 9.3.0, "9": 9.3.0, "9.3": 9.3.0, 9.3.0: , innovation: 9.3.0, "9.1": 9.1.0, "9.0": 9.0.1, lts: 8.4.5, "8": 8.4.5, "8.4": 8.4.5, 8.4.5: , 8.4.3: , 8.4.2: , 8.4.0: , "8.0": 8.0.42, 8.0.42: , 8.0.40: , 8.0.36: , 8.0.33: , 8.0.32: , 8.0-oracle: 8.0.42, "5.7": 5.7.44, 5.7.44: }
            vars: {major: innovation}

          - repository: mariadb
            os: ubuntu:24.04
            entrypoint: [docker-entrypoint.sh]
            cmd: [mariadbd]
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/gosu, /usr/sbin/mariadbd, /usr/sbin/mysqld, /usr/bin/mariadb, /usr/bin/mysql, /usr/bin/mariadb-admin, /usr/bin/mariadb-dump, /usr/local/bin/healthcheck.sh]
            memory: 90Mi
            programs:
              docker-entrypoint.sh:
                wrapper: mariadbd
              mariadbd: &mariadbd
                requires:
                  - anyEnv: [MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD, MARIADB_RANDOM_ROOT_PASSWORD, MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_FILE]
                    exitCode: 1
                    logs:
                      - at: 10ms
                        lines:
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{{version}}+maria~ubu2404 started."
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'"
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{{version}}+maria~ubu2404 started."
                      - at: 40ms
                        stream: stderr
                        lines:
                          - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"
                          - "\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD"
                entrypointLogs:
                  - at: 10ms
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{{version}}+maria~ubu2404 started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Entrypoint script for MariaDB Server 1:{{version}}+maria~ubu2404 started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Initializing database files"
                  - at: 2.5s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Database files initialized"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Starting temporary server"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Temporary server started."
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Stopping temporary server"
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: Temporary server stopped"
                      - ""
                      - "{{time:yyyy-MM-dd HH:mm:ss}}+00:00 [Note] [Entrypoint]: MariaDB init process done. Ready for start up."
                      - ""
                logs:
                  - at: 4s
                    stream: stderr
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss}} 0 [Note] Starting MariaDB {{version}}-MariaDB-ubu2404 source revision 00000000 server_uid 0000 as process 1"
                      - "{{time:yyyy-MM-dd HH:mm:ss}} 0 [Note] InnoDB: Buffer pool(s) load completed at {{time:yyMMdd HH:mm:ss}}"
                      - "{{time:yyyy-MM-dd HH:mm:ss}} 0 [Note] Server socket created on IP: '0.0.0.0', port: '3306'."
                      - "{{time:yyyy-MM-dd HH:mm:ss}} 0 [Note] Server socket created on IP: '::', port: '3306'."
                      - "{{time:yyyy-MM-dd HH:mm:ss}} 0 [Note] mariadbd: ready for connections."
                      - "Version: '{{version}}-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution"
                memory: 90Mi
                ports: [3306]
                processes:
                  - {command: "mariadbd", user: mysql}
              mysqld: *mariadbd
            tags: {latest: 11.8.2, "11": 11.8.2, "11.8": 11.8.2, 11.8.2: , lts: 11.8.2, "11.4": 11.4.7, 11.4.7: , 11.4.4: , "11.2": 11.2.6, "10": 10.11.13, "10.11": 10.11.13, 10.11.13: , "10.6": 10.6.22, 10.6.22: , "10.5": 10.5.29}

          - repository: mongo
            os: ubuntu:24.04
            entrypoint: [docker-entrypoint.sh]
            cmd: [mongod]
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/gosu, /usr/bin/mongod, /usr/bin/mongos, /usr/bin/mongosh]
            memory: 160Mi
            programs:
              docker-entrypoint.sh:
                wrapper: mongod
              mongod:
                logs:
                  - at: 30ms
                    lines:
                      - "{\"t\":{\"$date\":\"{{time:yyyy-MM-ddTHH:mm:ss.fff}}+00:00\"},\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":23285,   \"ctx\":\"main\",\"msg\":\"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'\"}"
                      - "{\"t\":{\"$date\":\"{{time:yyyy-MM-ddTHH:mm:ss.fff}}+00:00\"},\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":4615611, \"ctx\":\"initandlisten\",\"msg\":\"MongoDB starting\",\"attr\":{\"pid\":1,\"port\":27017,\"dbPath\":\"/data/db\",\"architecture\":\"64-bit\",\"host\":\"{{hostname}}\"}}"
                      - "{\"t\":{\"$date\":\"{{time:yyyy-MM-ddTHH:mm:ss.fff}}+00:00\"},\"s\":\"I\",  \"c\":\"CONTROL\",  \"id\":23403,   \"ctx\":\"initandlisten\",\"msg\":\"Build Info\",\"attr\":{\"buildInfo\":{\"version\":\"{{version}}\"}}}"
                  - at: 1.2s
                    lines:
                      - "{\"t\":{\"$date\":\"{{time:yyyy-MM-ddTHH:mm:ss.fff}}+00:00\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23015,   \"ctx\":\"listener\",\"msg\":\"Listening on\",\"attr\":{\"address\":\"0.0.0.0\"}}"
                      - "{\"t\":{\"$date\":\"{{time:yyyy-MM-ddTHH:mm:ss.fff}}+00:00\"},\"s\":\"I\",  \"c\":\"NETWORK\",  \"id\":23016,   \"ctx\":\"listener\",\"msg\":\"Waiting for connections\",\"attr\":{\"port\":27017,\"ssl\":\"off\"}}"
                memory: 160Mi
                ports: [27017]
                processes:
                  - {command: "mongod --bind_ip_all", user: mongodb}
            tags: {latest: 8.0.10, "8": 8.0.10, "8.0": 8.0.10, 8.0.10: , 8.0.4: , noble: 8.0.10, "7": 7.0.21, "7.0": 7.0.21, 7.0.21: , 7.0.14: , "6": 6.0.24, "6.0": 6.0.24, 6.0.24: , "5": 5.0.31, "5.0": 5.0.31, "4.4": 4.4.29}

          - repository: memcached
            entrypoint: [docker-entrypoint.sh]
            cmd: [memcached]
            user: "memcache:11211"
            executables: [/usr/local/bin/docker-entrypoint.sh, /usr/local/bin/memcached]
            memory: 2Mi
            programs:
              docker-entrypoint.sh:
                wrapper: memcached
              memcached:
                memory: 2Mi
                ports: [11211]
            variants:
              - os: debian:12
                tags: {latest: 1.6.38, "1": 1.6.38, "1.6": 1.6.38, 1.6.38: , 1.6.32: , 1.6.21: , bookworm: 1.6.38}
              - os: alpine:3.21
                tags: {alpine: 1.6.38, 1-alpine: 1.6.38, 1.6-alpine: 1.6.38, 1.6.38-alpine: 1.6.38, 1.6.32-alpine: 1.6.32}

          - repository: rabbitmq
            entrypoint: [docker-entrypoint.sh]
            cmd: [rabbitmq-server]
            env:
              PATH: /opt/rabbitmq/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              RABBITMQ_VERSION: "{{version}}"
            executables: [/usr/local/bin/docker-entrypoint.sh, /opt/rabbitmq/sbin/rabbitmq-server, /opt/rabbitmq/sbin/rabbitmqctl, /opt/rabbitmq/sbin/rabbitmq-diagnostics, /opt/rabbitmq/sbin/rabbitmq-plugins]
            memory: 130Mi
            programs:
              docker-entrypoint.sh:
                wrapper: rabbitmq-server
              rabbitmq-server:
                logs:
                  - at: 1.5s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.229.0> Starting RabbitMQ {{version}} on Erlang 26.2.5.13 [jit]"
                      - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.229.0> Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries"
                      - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.229.0> Licensed under the MPL 2.0. Website: https://rabbitmq.com"
                      - ""
                      - "  ##  ##      RabbitMQ {{version}}"
                      - "  ##  ##"
                      - "  ##########  Copyright (c) 2007-2025 Broadcom Inc and/or its subsidiaries"
                      - "  ######  ##"
                      - "  ##########  Licensed under the MPL 2.0. Website: https://rabbitmq.com"
                      - ""
                      - "  Erlang:      26.2.5.13 [jit]"
                      - "  TLS Library: OpenSSL - OpenSSL 3.3.3 11 Feb 2025"
                      - ""
                      - "  Logs: <stdout>"
                      - ""
                      - "  Config file(s): /etc/rabbitmq/conf.d/10-defaults.conf"
                      - ""
                      - "  Starting broker..."
                  - at: 6s
                    lines:
                      - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.704.0> started TCP listener on [::]:5672"
                      - " completed with {{var:plugins}} plugins."
                      - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.597.0> Server startup complete; {{var:plugins}} plugins started."
                memory: 130Mi
                ports: [5672]
                processes:
                  - {command: "/usr/local/lib/erlang/erts-14.2.5.13/bin/beam.smp -W w -MBas ageffcbf -MHas ageffcbf -MBlmbcs 512 -MHlmbcs 512 -MMmcs 30 -pc unicode -P 1048576 -t 5000000 -stbt db -zdbbl 128000 -sbwt none -sbwtdcpu none -sbwtdio none -B i -- -root /usr/local/lib/erlang -bindir /usr/local/lib/erlang/erts-14.2.5.13/bin -progname erl -- -home /var/lib/rabbitmq -- -pa  -noshell -noinput -s rabbit boot -boot start_sasl -syslog logger [] -syslog syslog_error_logger false -kernel prevent_overlapping_partitions false", user: rabbitmq}
            variants:
              - os: ubuntu:24.04
                vars: {plugins: "0"}
                tags: {latest: 4.1.1, "4": 4.1.1, "4.1": 4.1.1, 4.1.1: , "4.0": 4.0.9, 4.0.9: , "3": 3.13.7, "3.13": 3.13.7, 3.13.7: , "3.12": 3.12.14}
              - os: ubuntu:24.04
                vars: {plugins: "5"}
                programs:
                  rabbitmq-server: &rabbitmqManagement
                    logs:
                      - at: 6s
                        lines:
                          - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.704.0> started TCP listener on [::]:5672"
                          - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.765.0> Management plugin: HTTP (non-TLS) listener started on port 15672"
                          - " completed with {{var:plugins}} plugins."
                          - "{{time:yyyy-MM-dd HH:mm:ss.ffffff}}+00:00 [info] <0.597.0> Server startup complete; {{var:plugins}} plugins started."
                    memory: 150Mi
                    ports: [5672, 15672]
                tags: {management: 4.1.1, 4-management: 4.1.1, 4.1-management: 4.1.1, 4.1.1-management: 4.1.1, 4.0-management: 4.0.9, 3-management: 3.13.7, 3.13-management: 3.13.7, 3.12-management: 3.12.14}
              - os: alpine:3.21
                vars: {plugins: "0"}
                tags: {alpine: 4.1.1, 4-alpine: 4.1.1, 4.1-alpine: 4.1.1, 3-alpine: 3.13.7, 3.13-alpine: 3.13.7}
              - os: alpine:3.21
                vars: {plugins: "5"}
                programs:
                  rabbitmq-server: *rabbitmqManagement
                tags: {management-alpine: 4.1.1, 4-management-alpine: 4.1.1, 3-management-alpine: 3.13.7, 3.13-management-alpine: 3.13.7}
        """;
}

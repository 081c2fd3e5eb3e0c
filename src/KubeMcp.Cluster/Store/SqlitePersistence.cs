using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// SQLite write-through persistence (one row per object, like kine's single table), so a restarted cluster keeps every
/// object and resourceVersions keep increasing.
/// </summary>
internal sealed class SqlitePersistence : IObjectPersistence
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _setRv;

    public SqlitePersistence(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "cluster.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS objects (
                resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (resource, namespace, name));
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
        _put = Prepare("INSERT INTO objects(resource, namespace, name, body) VALUES ($r, $n, $m, $b) " +
                       "ON CONFLICT(resource, namespace, name) DO UPDATE SET body = excluded.body");
        _delete = Prepare("DELETE FROM objects WHERE resource = $r AND namespace = $n AND name = $m");
        _setRv = Prepare("INSERT INTO meta(key, value) VALUES ('resourceVersion', $v) " +
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    }

    public (long ResourceVersion, IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects) Load()
    {
        long rv = 0;
        using (var cmd = Prepare("SELECT value FROM meta WHERE key = 'resourceVersion'"))
        {
            if (cmd.ExecuteScalar() is long v)
            {
                rv = v;
            }
        }
        var objects = new List<(ObjectKey, JsonObject)>();
        using var select = Prepare("SELECT resource, namespace, name, body FROM objects");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var key = new ObjectKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (JsonNode.Parse(reader.GetString(3)) is JsonObject obj)
            {
                objects.Add((key, obj));
            }
        }
        return (rv, objects);
    }

    public void Put(ObjectKey key, JsonObject obj, long resourceVersion)
    {
        using var tx = _connection.BeginTransaction();
        Bind(_put, key, tx);
        _put.Parameters["$b"].Value = obj.ToJsonString(JsonSerializerOptions.Default);
        _put.ExecuteNonQuery();
        SetRv(resourceVersion, tx);
        tx.Commit();
    }

    public void Delete(ObjectKey key, long resourceVersion)
    {
        using var tx = _connection.BeginTransaction();
        Bind(_delete, key, tx);
        _delete.ExecuteNonQuery();
        SetRv(resourceVersion, tx);
        tx.Commit();
    }

    public void Dispose()
    {
        _put.Dispose();
        _delete.Dispose();
        _setRv.Dispose();
        _connection.Dispose();
    }

    private void SetRv(long rv, SqliteTransaction tx)
    {
        _setRv.Transaction = tx;
        _setRv.Parameters["$v"].Value = rv;
        _setRv.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand cmd, ObjectKey key, SqliteTransaction tx)
    {
        cmd.Transaction = tx;
        cmd.Parameters["$r"].Value = key.StorageKey;
        cmd.Parameters["$n"].Value = key.Namespace;
        cmd.Parameters["$m"].Value = key.Name;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in new[] { "$r", "$n", "$m", "$b", "$v" }.Where(sql.Contains))
        {
            cmd.Parameters.Add(new SqliteParameter(name, null));
        }
        return cmd;
    }
}

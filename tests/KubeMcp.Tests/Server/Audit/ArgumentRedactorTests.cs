using System.Text.Json;
using KubeMcp.Server.Audit;

namespace KubeMcp.Tests.Server.Audit;

public sealed class ArgumentRedactorTests
{
    private static Dictionary<string, JsonElement> Args(object args) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(args))!;

    [Fact]
    public void Redact_KeepsOrdinaryArguments()
    {
        var copy = ArgumentRedactor.Redact(Args(new { name = "web-1", tail = 50, previous = true }));

        Assert.Equal("""{"name":"web-1","tail":50,"previous":true}""", copy.ToJsonString());
    }

    [Fact]
    public void Redact_ReplacesCredentialLikeArguments()
    {
        var copy = ArgumentRedactor.Redact(Args(new { apiToken = "abc", db_password = "hunter2", name = "x" }));

        Assert.Equal(ArgumentRedactor.Redacted, copy["apiToken"]!.GetValue<string>());
        Assert.Equal(ArgumentRedactor.Redacted, copy["db_password"]!.GetValue<string>());
        Assert.Equal("x", copy["name"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_RemovesSecretValuesFromManifests()
    {
        var manifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: aHVudGVyMg==\nstringData:\n  user: admin\n";

        var text = ArgumentRedactor.Redact(Args(new { resource = manifest }))["resource"]!.GetValue<string>();

        Assert.DoesNotContain("aHVudGVyMg==", text);
        Assert.DoesNotContain("admin", text);
        Assert.Contains("\"password\":\"REDACTED\"", text);
        Assert.Contains("\"name\":\"db\"", text);
    }

    [Fact]
    public void Redact_LeavesOtherManifestsAndGarbageAsWritten()
    {
        const string configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

        Assert.Equal(configMap, ArgumentRedactor.Redact(Args(new { resource = configMap }))["resource"]!.GetValue<string>());
        Assert.Equal("{oops", ArgumentRedactor.Redact(Args(new { resource = "{oops" }))["resource"]!.GetValue<string>());
    }

    [Fact]
    public void Redact_ShortensHugeValues()
    {
        var text = ArgumentRedactor.Redact(Args(new { labelSelector = new string('a', 100_000) }))["labelSelector"]!.GetValue<string>();

        Assert.True(text.Length < 5000);
        Assert.EndsWith("(95904 more characters)", text);
    }

    [Fact]
    public void Redact_NullArgumentsGiveAnEmptyObject() => Assert.Empty(ArgumentRedactor.Redact(null));
}

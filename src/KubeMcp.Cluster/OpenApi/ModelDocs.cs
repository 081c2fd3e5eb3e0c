using System.Collections.Frozen;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using k8s.Models;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// Field and type descriptions from the XML documentation file that ships with KubernetesClient
/// (<c>KubernetesClient.xml</c>), whose summaries are the upstream OpenAPI descriptions. The file is looked for next
/// to the assembly and then in the NuGet package folder; without it, schemas simply have no descriptions.
/// </summary>
internal static class ModelDocs
{
    private static readonly Lazy<FrozenDictionary<string, string>> Docs = new(() => LoadFrom(FindXmlFile()));

    public static string? ForType(Type type) => Docs.Value.GetValueOrDefault("T:" + type.FullName);

    public static string? ForProperty(PropertyInfo property) =>
        Docs.Value.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    /// <summary>Reads member summaries from an XML doc file; a missing or malformed file yields what could be read.</summary>
    public static FrozenDictionary<string, string> LoadFrom(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return FrozenDictionary<string, string>.Empty;
        }
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream);
        }
        catch (IOException)
        {
            return FrozenDictionary<string, string>.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return FrozenDictionary<string, string>.Empty;
        }
    }

    /// <summary>Parses <c>member</c> summaries for the model namespace; stops quietly at the first XML error.</summary>
    public static FrozenDictionary<string, string> Parse(Stream stream)
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        var modelNamespace = typeof(V1Pod).Namespace + ".";
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
            string? member = null;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member")
                {
                    var name = reader.GetAttribute("name");
                    member = name is not null && name.Length > 2 && name.AsSpan(2).StartsWith(modelNamespace) ? name : null;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.Name == "summary" && member is not null)
                {
                    // ReadFrom moves past the element, so the loop must not Read() again here.
                    var text = Normalize(((XElement)XNode.ReadFrom(reader)).Value);
                    if (text.Length > 0)
                    {
                        docs[member] = text;
                    }
                    member = null;
                    continue;
                }
                reader.Read();
            }
        }
        catch (XmlException)
        {
            // Keep what was read: descriptions are a convenience, never a reason to fail.
        }
        return docs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The doc file wraps lines at 80 columns; the OpenAPI descriptions are single paragraphs.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string? FindXmlFile()
    {
        var assembly = typeof(V1Pod).Assembly;
        // AppContext.BaseDirectory rather than Assembly.Location, which is empty in a single-file build.
        var beside = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
        if (File.Exists(beside))
        {
            return beside;
        }
        // NuGet does not copy package doc files to the output folder by default; look in the package cache.
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            packages = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".nuget", "packages");
        }
        if (version is null || packages is null)
        {
            return null;
        }
        var lib = Path.Combine(packages, "kubernetesclient", version, "lib");
        if (!Directory.Exists(lib))
        {
            return null;
        }
        return Directory.EnumerateDirectories(lib)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "KubernetesClient.xml"))
            .FirstOrDefault(File.Exists);
    }
}

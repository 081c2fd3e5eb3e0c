namespace KubeMcp.Tests.Cli.Evaluation;

/// <summary>A task folder in a temporary directory, written file by file; deleted on dispose.</summary>
internal sealed class TaskFolder : IDisposable
{
    public TaskFolder(string name = "sample-task")
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kubemcp-eval-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Root, name);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The suite folder holding the task folder.</summary>
    public string Root { get; }

    /// <summary>The task folder.</summary>
    public string Path { get; }

    public TaskFolder With(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

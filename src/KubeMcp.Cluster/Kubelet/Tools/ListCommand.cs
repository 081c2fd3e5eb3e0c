using System.Globalization;
using System.Text;
using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Tools;

/// <summary><c>ls</c> with <c>-l</c>, <c>-a</c>, <c>-A</c>: one name per line, as when output is not a terminal.</summary>
internal static class ListCommand
{
    public static int Run(ProcessContext p)
    {
        var (flags, operands) = ProgramTools.Options(p.Args);
        var files = p.Machine.Files;
        var all = flags.Contains('a');
        var almostAll = flags.Contains('A');
        var longFormat = flags.Contains('l');
        if (operands.Count == 0)
        {
            operands.Add(".");
        }
        var status = 0;
        var output = new StringBuilder();
        var plainFiles = new List<string>();
        var directories = new List<string>();
        foreach (var operand in operands)
        {
            var path = p.Resolve(operand);
            if (files.IsDirectory(path))
            {
                directories.Add(operand);
            }
            else if (files.IsFile(path))
            {
                plainFiles.Add(operand);
            }
            else
            {
                p.Error(p.IsBusybox() ? $"ls: {operand}: No such file or directory\n" : $"ls: cannot access '{operand}': No such file or directory\n");
                status = p.IsBusybox() ? 1 : 2;
            }
        }
        foreach (var file in plainFiles)
        {
            output.Append(longFormat ? LongLine(p, p.Resolve(file), file) : file).Append('\n');
        }
        var headers = directories.Count + plainFiles.Count > 1;
        foreach (var directory in directories)
        {
            if (output.Length > 0)
            {
                output.Append('\n');
            }
            if (headers)
            {
                output.Append(directory).Append(":\n");
            }
            var path = p.Resolve(directory);
            var names = files.List(path).Where(n => all || almostAll || !n.StartsWith('.')).ToList();
            if (all)
            {
                names.InsertRange(0, [".", ".."]);
            }
            if (longFormat)
            {
                var blocks = names.Sum(n => files.IsFile(Join(path, n)) ? (files.Size(Join(path, n)) + 4095) / 4096 * 4 : 4);
                output.Append("total ").Append(blocks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            foreach (var name in names)
            {
                output.Append(longFormat ? LongLine(p, VirtualFileSystem.Normalize(name, path), name) : name).Append('\n');
            }
        }
        p.Print(output.ToString());
        return status;
    }

    private static string Join(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;

    private static string LongLine(ProcessContext p, string path, string display)
    {
        var files = p.Machine.Files;
        var directory = files.IsDirectory(path);
        var mode = directory ? "drwxr-xr-x" : files.IsExecutable(path) ? "-rwxr-xr-x" : "-rw-r--r--";
        var size = directory ? 4096 : files.Size(path);
        var mounted = p.Container.MountedFiles.Contains(p.Container.Canonical(path));
        var stamp = mounted ? p.Container.Program.StartedAt.UtcDateTime : new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var date = stamp.ToString("MMM", CultureInfo.InvariantCulture) + " " + stamp.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + " " +
                   stamp.ToString("HH:mm", CultureInfo.InvariantCulture);
        var links = directory ? 2 : 1;
        return p.IsBusybox()
            ? $"{mode}    {links} root     root     {size,10} {date} {display}"
            : $"{mode} {links} root root {size} {date} {display}";
    }
}

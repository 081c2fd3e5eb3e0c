using KubeMcp.Cluster.Kubelet.Runtime;

namespace KubeMcp.Cluster.Kubelet.Shell;

// Redirections: where a command's stdin, stdout and stderr point.
internal sealed partial class ShellRunner
{
    /// <summary>Applies redirections; on failure prints the error, sets <paramref name="failure"/> and returns null.</summary>
    private CommandIO? Redirect(IReadOnlyList<Redirection> redirections, CommandIO io, int line, out int failure)
    {
        failure = 0;
        var result = io;
        foreach (var redirection in redirections)
        {
            var target = Expander.ExpandString(redirection.Target);
            switch (redirection.Kind)
            {
                case RedirectionKind.Input:
                    var path = VirtualFileSystem.Normalize(target, State.Cwd);
                    var content = Machine.Files.Read(path);
                    if (content is null || Machine.Files.IsDirectory(path))
                    {
                        result.Err.Write(Messages.CannotOpen(target, line) + "\n", Machine.Clock);
                        failure = Messages.RedirectionFailureStatus;
                        return null;
                    }
                    result = result with { Stdin = new InputText(content) };
                    break;
                case RedirectionKind.Duplicate:
                    var source = target == "-" ? OutputTarget.Null : target == "2" ? result.Err : target == "1" ? result.Out : null;
                    if (source is null)
                    {
                        break;
                    }
                    result = redirection.Fd switch
                    {
                        1 => result with { Out = source },
                        2 => result with { Err = source },
                        _ => result,
                    };
                    break;
                default:
                    var output = OpenForWriting(target, redirection.Kind == RedirectionKind.Append, line, result.Err);
                    if (output is null)
                    {
                        failure = Messages.RedirectionFailureStatus;
                        return null;
                    }
                    result = redirection.Kind == RedirectionKind.OutputAndError ? result with { Out = output, Err = output }
                        : redirection.Fd == 2 ? result with { Err = output }
                        : redirection.Fd == 1 ? result with { Out = output }
                        : result;
                    break;
            }
        }
        return result;
    }

    private OutputTarget? OpenForWriting(string target, bool append, int line, OutputTarget errors)
    {
        switch (target)
        {
            case "/dev/null":
                return OutputTarget.Null;
            case "/dev/stdout" or "/proc/self/fd/1":
                return BaseIO.Out;
            case "/dev/stderr" or "/proc/self/fd/2":
                return BaseIO.Err;
            case "/proc/1/fd/1":
                return OutputTarget.Stream(Machine.Output, LogStreamKind.Stdout);
            case "/proc/1/fd/2":
                return OutputTarget.Stream(Machine.Output, LogStreamKind.Stderr);
        }
        var path = VirtualFileSystem.Normalize(target, State.Cwd);
        var error = Machine.Files.Write(path, "", append: true);
        if (error is null && !append)
        {
            error = Machine.Files.Write(path, "", append: false);
        }
        if (error is not null)
        {
            errors.Write(Messages.CannotCreate(target, error, line) + "\n", Machine.Clock);
            return null;
        }
        return OutputTarget.File(Machine.Files, path);
    }
}

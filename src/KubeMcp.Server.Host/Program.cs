using KubeMcp.Server.Hosting;

return await ServeCommand.CreateRoot().Parse(args).InvokeAsync();

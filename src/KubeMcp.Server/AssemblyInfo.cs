namespace KubeMcp.Server;

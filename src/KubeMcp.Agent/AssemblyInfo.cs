namespace KubeMcp.Agent;

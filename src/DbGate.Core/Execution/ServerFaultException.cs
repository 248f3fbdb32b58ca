namespace DbGate.Core.Execution;

/// <summary>A server fault met while running a migration's statement; the message names the statement's place in its file.</summary>
internal sealed class ServerFaultException(string message, Exception innerException) : Exception(message, innerException);

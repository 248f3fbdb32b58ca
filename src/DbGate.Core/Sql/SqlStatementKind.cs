namespace DbGate.Core.Sql;

public enum SqlStatementKind
{
    /// <summary>Text for the server.</summary>
    Sql,

    /// <summary>A psql backslash command such as <c>\i file</c> or <c>\set x 1</c>, which only psql understands.</summary>
    PsqlMetaCommand,
}

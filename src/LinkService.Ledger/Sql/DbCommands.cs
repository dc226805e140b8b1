using System.Data.Common;

namespace LinkService.Ledger.Sql;

/// <summary>Commands in the ledger's SQL, whose parameters are written <c>@name</c> for every provider.</summary>
internal static class DbCommands
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter; null is stored as SQL NULL.</summary>
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

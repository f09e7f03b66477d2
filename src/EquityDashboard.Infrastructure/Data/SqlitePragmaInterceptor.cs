using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EquityDashboard.Infrastructure.Data;

/// <summary>
/// Per-connection settings: in WAL mode, synchronous=NORMAL is safe against a crashed or
/// killed process (only a power loss can drop the last commits) and halves the fsyncs of
/// large imports; a busy timeout lets the web app and the CLI share the file.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
